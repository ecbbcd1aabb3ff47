package app.baton.security;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** One row of {@code app_user}. */
record UserRow(UUID id, String username, String passwordHash, Set<Role> roles, Set<String> locations, boolean enabled,
               int failedAttempts, Instant lockedUntil, Instant createdAt) {

    boolean lockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    Caller caller() {
        return new Caller(id.toString(), username, Caller.Kind.USER, roles, locations);
    }
}
