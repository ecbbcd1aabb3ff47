package app.baton.security;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.optimization.DelayParameters;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.time.Duration;

/**
 * The buckets in the table {@code rate_limit_bucket} (bucket4j's PostgreSQL backend; each take locks the
 * client's row with select ... for update for one short transaction). Buckets of API keys and users are
 * synchronized after a twentieth of their second's budget or 50 ms, whichever comes first, so all
 * instances together may let through at most that much more than the limit per synchronization. Their commits do not
 * wait for the WAL flush ({@link AsynchronousCommits}). Idle
 * buckets (refilled a minute ago) are deleted by every instance once a minute.
 */
@Component
class PostgresRateLimitBuckets implements RateLimitBuckets {

    private static final int DELETE_PAGE = 1000;
    private static final Duration MAX_UNSYNCHRONIZED = Duration.ofMillis(50);

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

    /**
     * @param time what buckets refill by: this machine's wall clock unless a {@link TimeMeter} bean is given
     *             (a test freezes it). Instances refill shared buckets by their own clocks, so keep them
     *             synchronized (NTP): a skew of 100 ms is at most a tenth of a second's budget more or less.
     */
    PostgresRateLimitBuckets(DataSource dataSource, ObjectProvider<TimeMeter> time) {
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(AsynchronousCommits.of(dataSource))
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .clientClock(time.getIfAvailable(() -> TimeMeter.SYSTEM_MILLISECONDS))
                .table("rate_limit_bucket")
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                .build();
    }

    @Override
    public Bucket bucket(String client, BucketConfiguration configuration, boolean exact) {
        if (exact) {
            return buckets.builder().build(client, () -> configuration);
        }
        long perSecond = configuration.getBandwidths()[0].getCapacity();
        return buckets.builder()
                .withOptimization(Optimizations.delaying(new DelayParameters(Math.max(1, perSecond / 20), MAX_UNSYNCHRONIZED)))
                .build(client, () -> configuration);
    }

    @Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
    void deleteIdleBuckets() {
        while (buckets.removeExpired(DELETE_PAGE) == DELETE_PAGE) {
            // another page
        }
    }
}
