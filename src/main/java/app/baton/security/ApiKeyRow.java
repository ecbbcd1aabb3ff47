package app.baton.security;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** One row of {@code api_key}. */
record ApiKeyRow(UUID id, String name, String prefix, String keySha256, Set<Role> roles, Set<String> locations,
                 Set<String> sourceSystems, Instant createdAt, String createdBy, Instant expiresAt, Instant revokedAt, Instant lastUsedAt) {

    boolean usableAt(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }

    Identity identity() {
        return new Identity(id.toString(), name, Identity.Kind.API_KEY, roles, locations);
    }
}
