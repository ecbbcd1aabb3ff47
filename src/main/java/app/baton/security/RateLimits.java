package app.baton.security;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Token buckets per client, kept in PostgreSQL ({@link RateLimitBuckets}) so that one client's budget is
 * shared by every instance: an API key, a user, an EHR calling the CDS Hooks service (each configured EHR its own
 * budget, {@link EhrSettings.Ehr#requestsPerSecond}), or the address of anonymous callers and of failed
 * authentications. Each bucket holds one second's worth of requests and refills continuously.
 * <p>
 * While the database cannot be reached, a request is let through (and the database's own absence
 * answers it): a rate limit must never be why Baton refuses work it could do.
 */
@Component
class RateLimits {

    private static final Logger log = LoggerFactory.getLogger(RateLimits.class);
    /** More clients than this in memory and the bucket handles start over: memory stays bounded under a flood of addresses. */
    private static final int MAX_CLIENTS = 100_000;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private static final long WARN_EVERY_NANOS = 60 * NANOS_PER_SECOND;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong lastWarning = new AtomicLong();
    private final SecuritySettings.RateLimit limits;
    private final EhrSettings ehrs;
    private final RateLimitBuckets store;

    RateLimits(SecuritySettings settings, EhrSettings ehrs, RateLimitBuckets store) {
        this.limits = settings.rateLimit();
        this.ehrs = ehrs;
        this.store = store;
    }

    /** Takes one request from the caller's bucket; answers 0 when it may go on, else the seconds to wait. */
    long take(Identity caller) {
        return switch (caller.kind()) {
            case API_KEY -> take("key:" + caller.id() + ":" + limits.apiKeyPerSecond(), limits.apiKeyPerSecond(), false);
            case EHR -> {
                // an EHR's identity is "ehr:<name>": one bucket per configured EHR, apart from people's and keys' buckets
                long perSecond = ehrPerSecond(caller.id());
                yield take(caller.id() + ":" + perSecond, perSecond, false);
            }
            case USER, JWT -> take("user:" + caller.id() + ":" + limits.userPerSecond(), limits.userPerSecond(), false);
        };
    }

    /** The budget of the EHR with this identity ({@code ehr:<name>}): its own when configured, else the default for EHRs. */
    long ehrPerSecond(String ehrId) {
        String name = ehrId.startsWith("ehr:") ? ehrId.substring(4) : ehrId;
        return ehrs.requestsPerSecond(name).orElse(limits.ehrPerSecondByDefault());
    }

    /** Takes one request of an anonymous caller, or one failed authentication, from the address's bucket. */
    long takeAnonymous(String address) {
        return take(addressBucket(address), limits.anonymousPerSecond(), true);
    }

    /**
     * Takes one password check from the budget of the client's address (when known) and of the user name, both
     * exact and shared by every instance: called before the user is read or a hash is checked, so a flood of
     * guesses costs PostgreSQL a locked row each, not a bcrypt check each. 0 when the check may run, else the
     * seconds to wait. The name's budget is untouched when the address's is spent.
     */
    long takePasswordCheck(String address, String username) {
        if (address != null) {
            long wait = take("password-address:" + address + ":" + limits.passwordChecksPerAddressPerSecond(),
                    limits.passwordChecksPerAddressPerSecond(), true);
            if (wait > 0) {
                return wait;
            }
        }
        // the name as its hash: a bucket's id (200 characters at most) stays short however long a guessed name is
        return take("password-user:" + ApiKeyTokens.sha256(username) + ":" + limits.passwordChecksPerUserPerSecond(),
                limits.passwordChecksPerUserPerSecond(), true);
    }

    /** 0 while the address has requests left, else the seconds until it has (too many anonymous calls or failed authentications). */
    long blockedFor(String address) {
        try {
            EstimationProbe estimate = bucket(addressBucket(address), limits.anonymousPerSecond(), true).estimateAbilityToConsume(1);
            return estimate.canBeConsumed() ? 0 : seconds(estimate.getNanosToWaitForRefill());
        } catch (RuntimeException e) {
            return unavailable(e);
        }
    }

    /** A bucket's name carries its limit: after an operator changes a limit, every client starts on a bucket of the new size. */
    private String addressBucket(String address) {
        return "address:" + address + ":" + limits.anonymousPerSecond();
    }

    private long take(String client, long perSecond, boolean exact) {
        try {
            ConsumptionProbe probe = bucket(client, perSecond, exact).tryConsumeAndReturnRemaining(1);
            return probe.isConsumed() ? 0 : seconds(probe.getNanosToWaitForRefill());
        } catch (RuntimeException e) {
            return unavailable(e);
        }
    }

    private Bucket bucket(String client, long perSecond, boolean exact) {
        Bucket bucket = buckets.get(client);
        if (bucket != null) {
            return bucket;
        }
        if (buckets.size() >= MAX_CLIENTS) {
            buckets.clear();
        }
        return buckets.computeIfAbsent(client, c -> store.bucket(c, BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(perSecond).refillGreedy(perSecond, Duration.ofSeconds(1)))
                .build(), exact));
    }

    /** Let through; said in the log at most once a minute, not once per request while the database is away. */
    private long unavailable(RuntimeException e) {
        long now = System.nanoTime();
        long last = lastWarning.get();
        if ((last == 0 || now - last > WARN_EVERY_NANOS) && lastWarning.compareAndSet(last, now)) {
            log.warn("rate limits not checked, the bucket store is not reachable: {}", e.toString());
        }
        return 0;
    }

    private static long seconds(long nanos) {
        return Math.max(1, (nanos + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND);
    }
}
