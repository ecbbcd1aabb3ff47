package app.baton.security;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** One row of {@code app_user}. */
record UserRow(UUID id, String username, String passwordHash, Set<Role> roles, Set<String> locations, boolean enabled,
               int failedAttempts, Instant lockedUntil, Instant createdAt, long securityStamp) {

    boolean lockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    Identity identity() {
        return new Identity(id.toString(), username, Identity.Kind.USER, roles, locations);
    }
}
