package app.baton.security;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The {@code jti} of every EHR token accepted, until the token expires, in PostgreSQL: a token replayed to any
 * instance is refused. The primary key is the replay check (one insert; a second one inserts nothing).
 */
@Repository
class UsedTokenIds {

    private static final long PURGE_EVERY_SECONDS = 60;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AtomicReference<Instant> lastPurge = new AtomicReference<>(Instant.EPOCH);

    UsedTokenIds(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Whether this is the first use of {@code jti} by {@code issuer}; remembers it until {@code expiresAt}. */
    boolean firstUse(String issuer, String jti, Instant expiresAt) {
        purgeExpired();
        return jdbc.sql("""
                        insert into ehr_token_use (issuer, jti, expires_at) values (:issuer, :jti, :expiresAt)
                        on conflict (issuer, jti) do nothing
                        """)
                .param("issuer", issuer).param("jti", jti).param("expiresAt", OffsetDateTime.ofInstant(expiresAt, ZoneOffset.UTC))
                .update() == 1;
    }

    /** An expired token is refused by its {@code exp} anyway: its id need not be kept. At most once a minute. */
    private void purgeExpired() {
        Instant now = clock.instant();
        Instant last = lastPurge.get();
        if (now.isAfter(last.plusSeconds(PURGE_EVERY_SECONDS)) && lastPurge.compareAndSet(last, now)) {
            jdbc.sql("delete from ehr_token_use where expires_at < :now")
                    .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).update();
        }
    }
}
