package app.baton.security;

import java.util.Set;
import java.util.UUID;

/**
 * An administrator created or changed a person's account. {@code before} is null for a new account;
 * for a password reset or an unlock, before and after are the same account. Published in the
 * transaction of the change, by the request of the administrator who made it.
 */
public record UserAccountChanged(UUID userId, String username, Change change, Account before, Account after) {

    public enum Change { CREATED, UPDATED, PASSWORD_RESET, UNLOCKED }

    /** What bounds what the account may do and see. */
    public record Account(Set<Role> roles, Set<String> locations, boolean enabled) {

        static Account of(UserRow row) {
            return new Account(row.roles(), row.locations(), row.enabled());
        }
    }
}
