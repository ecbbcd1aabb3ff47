package app.baton.notification;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The history of deliveries: one row per HTTP try. */
@Repository
class WebhookAttempts {

    /** One try: the receiver's status code or an error code, how long it took, and what followed. */
    record Attempt(UUID deliveryId, int drive, int attempt, Instant attemptedAt, Integer statusCode, String error,
                   int durationMs, String outcome) {
    }

    private static final RowMapper<Attempt> ROW = (rs, n) -> new Attempt(rs.getObject("delivery_id", UUID.class),
            rs.getInt("drive"), rs.getInt("attempt"), OutboxMessages.instant(rs, "attempted_at"),
            rs.getObject("status_code", Integer.class), rs.getString("error"), rs.getInt("duration_ms"), rs.getString("outcome"));

    private final JdbcClient jdbc;

    WebhookAttempts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Attempt attempt) {
        jdbc.sql("""
                        insert into webhook_attempt (id, delivery_id, drive, attempt, attempted_at, status_code, error, duration_ms, outcome)
                        values (:id, :deliveryId, :drive, :attempt, :at, :statusCode, :error, :durationMs, :outcome)
                        """)
                .param("id", UUID.randomUUID()).param("deliveryId", attempt.deliveryId()).param("drive", attempt.drive())
                .param("attempt", attempt.attempt()).param("at", OutboxMessages.utc(attempt.attemptedAt()))
                .param("statusCode", attempt.statusCode()).param("error", attempt.error())
                .param("durationMs", attempt.durationMs()).param("outcome", attempt.outcome())
                .update();
    }

    /** The tries of these deliveries, in the order they were made. */
    List<Attempt> of(List<UUID> deliveryIds) {
        if (deliveryIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select delivery_id, drive, attempt, attempted_at, status_code, error, duration_ms, outcome"
                        + " from webhook_attempt where delivery_id = any(:ids) order by attempted_at, drive, attempt")
                .param("ids", deliveryIds.toArray(UUID[]::new)).query(ROW).list();
    }
}
