package app.baton.security;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets per client, in this instance's memory: an API key, a user, or the address of
 * anonymous callers and of failed authentications. Each bucket holds one second's worth of
 * requests and refills continuously.
 */
@Component
class RateLimits {

    /** More clients than this in memory and the buckets start over: memory stays bounded under a flood of addresses. */
    private static final int MAX_CLIENTS = 100_000;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final SecuritySettings.RateLimit limits;

    RateLimits(SecuritySettings settings) {
        this.limits = settings.rateLimit();
    }

    /** Takes one request from the caller's bucket; answers 0 when it may go on, else the seconds to wait. */
    long take(Identity caller) {
        return caller.kind() == Identity.Kind.API_KEY
                ? take("key:" + caller.id(), limits.apiKeyPerSecond())
                : take("user:" + caller.id(), limits.userPerSecond());
    }

    /** Takes one request of an anonymous caller, or one failed authentication, from the address's bucket. */
    long takeAnonymous(String address) {
        return take("address:" + address, limits.anonymousPerSecond());
    }

    /** 0 while the address has requests left, else the seconds until it has (too many anonymous calls or failed authentications). */
    long blockedFor(String address) {
        Bucket bucket = buckets.get("address:" + address);
        if (bucket == null) {
            return 0;
        }
        EstimationProbe estimate = bucket.estimateAbilityToConsume(1);
        return estimate.canBeConsumed() ? 0 : seconds(estimate.getNanosToWaitForRefill());
    }

    private long take(String client, long perSecond) {
        if (buckets.size() >= MAX_CLIENTS && !buckets.containsKey(client)) {
            buckets.clear();
        }
        Bucket bucket = buckets.computeIfAbsent(client, c -> Bucket.builder()
                .addLimit(limit -> limit.capacity(perSecond).refillGreedy(perSecond, Duration.ofSeconds(1)))
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? 0 : seconds(probe.getNanosToWaitForRefill());
    }

    private static long seconds(long nanos) {
        return Math.max(1, (nanos + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND);
    }
}
