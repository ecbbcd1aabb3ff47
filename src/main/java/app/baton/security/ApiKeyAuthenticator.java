package app.baton.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a presented API key on the decision hot path without a database round trip per request:
 * a key found in PostgreSQL is trusted for {@code cache-ttl} (30 s), its expiry is checked on every
 * request, and its last-used time is written at most once per {@code last-used-interval} (1 min).
 * A revocation takes effect at once on the instance that made it and within the cache TTL on the others.
 */
@Component
class ApiKeyAuthenticator {

    private static final Logger log = LoggerFactory.getLogger(ApiKeyAuthenticator.class);

    private record Cached(ApiKeyRow key, Instant loadedAt) {
    }

    private final Map<String, Cached> bySha256 = new ConcurrentHashMap<>();
    private final Map<UUID, Instant> lastUseWritten = new ConcurrentHashMap<>();
    private final ApiKeys keys;
    private final Clock clock;
    private final Duration cacheTtl;
    private final Duration lastUsedInterval;

    ApiKeyAuthenticator(ApiKeys keys, Clock clock, SecuritySettings settings) {
        this.keys = keys;
        this.clock = clock;
        this.cacheTtl = settings.apiKeys().cacheTtl();
        this.lastUsedInterval = settings.apiKeys().lastUsedInterval();
    }

    /**
     * The caller of a key that exists, is not revoked and has not expired. While the database is
     * away, a key this instance knew keeps working; an unknown one raises the database error.
     */
    Optional<Identity> authenticate(String presentedKey) {
        Instant now = clock.instant();
        String sha256 = ApiKeyTokens.sha256(presentedKey);
        Cached cached = bySha256.get(sha256);
        if (cached == null || !now.isBefore(cached.loadedAt().plus(cacheTtl))) {
            cached = reload(sha256, cached, now);
        }
        if (cached == null || !cached.key().usableAt(now)) {
            return Optional.empty();
        }
        recordUse(cached.key().id(), now);
        return Optional.of(cached.key().identity());
    }

    /**
     * Whether this instance already knows the presented key as usable, from its cache alone: never a database
     * round trip. A key it has not seen within the cache TTL, or one revoked or expired, is not known.
     */
    boolean knownUsable(String presentedKey) {
        Instant now = clock.instant();
        Cached cached = bySha256.get(ApiKeyTokens.sha256(presentedKey));
        return cached != null && now.isBefore(cached.loadedAt().plus(cacheTtl)) && cached.key().usableAt(now);
    }

    private Cached reload(String sha256, Cached stale, Instant now) {
        Optional<ApiKeyRow> found;
        try {
            found = keys.findByHash(sha256);
        } catch (DataAccessException e) {
            if (stale == null) {
                throw e;
            }
            return stale;
        }
        if (found.isEmpty()) {
            bySha256.remove(sha256);
            return null;
        }
        Cached fresh = new Cached(found.get(), now);
        bySha256.put(sha256, fresh);
        return fresh;
    }

    /** Drops a key from this instance's cache (after revoking it). */
    void forget(UUID id) {
        bySha256.values().removeIf(cached -> cached.key().id().equals(id));
    }

    private void recordUse(UUID id, Instant now) {
        Instant previous = lastUseWritten.get(id);
        if (previous != null && now.isBefore(previous.plus(lastUsedInterval))) {
            return;
        }
        boolean mine = previous == null ? lastUseWritten.putIfAbsent(id, now) == null : lastUseWritten.replace(id, previous, now);
        if (mine) {
            try {
                keys.touch(id, now);
            } catch (DataAccessException e) {
                log.warn("could not record the last use of API key {}: {}", id, e.getClass().getSimpleName());
            }
        }
    }
}
