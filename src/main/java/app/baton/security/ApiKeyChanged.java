package app.baton.security;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** An administrator created or revoked an API key; published in the transaction of the change. Never holds the key. */
public record ApiKeyChanged(UUID keyId, String name, String prefix, Change change, Set<Role> roles, Set<String> locations,
                            Set<String> sourceSystems, Instant expiresAt) {

    public enum Change { CREATED, REVOKED }
}
