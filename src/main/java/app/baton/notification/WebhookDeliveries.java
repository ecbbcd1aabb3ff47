package app.baton.notification;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Webhook deliveries: one message to one endpoint, its status and the count of tries. */
@Repository
class WebhookDeliveries {

    private static final String SELECT = """
            select d.id, d.message_id, d.endpoint_id, o.kind, d.status, d.attempts, d.drive, d.last_status_code,
                   d.last_error, d.created_at, d.delivered_at, d.dead_at
            from webhook_delivery d join notification_outbox o on o.id = d.message_id
            """;
    private static final RowMapper<Delivery> ROW = (rs, n) -> new Delivery(rs.getObject("id", UUID.class),
            rs.getObject("message_id", UUID.class), rs.getObject("endpoint_id", UUID.class), rs.getString("kind"),
            Delivery.Status.valueOf(rs.getString("status")), rs.getInt("attempts"), rs.getInt("drive"),
            rs.getObject("last_status_code", Integer.class), rs.getString("last_error"),
            OutboxMessages.instant(rs, "created_at"), OutboxMessages.instant(rs, "delivered_at"),
            OutboxMessages.instant(rs, "dead_at"));

    private final JdbcClient jdbc;

    WebhookDeliveries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new PENDING delivery; empty when this message already has one for this endpoint. */
    Optional<UUID> insert(UUID messageId, UUID endpointId) {
        return jdbc.sql("""
                        insert into webhook_delivery (id, message_id, endpoint_id, status) values (:id, :messageId, :endpointId, 'PENDING')
                        on conflict (message_id, endpoint_id) do nothing
                        returning id
                        """)
                .param("id", UUID.randomUUID()).param("messageId", messageId).param("endpointId", endpointId)
                .query(UUID.class).optional();
    }

    Optional<Delivery> find(UUID id) {
        return jdbc.sql(SELECT + " where d.id = :id").param("id", id).query(ROW).optional();
    }

    List<Delivery> ofMessage(UUID messageId) {
        return jdbc.sql(SELECT + " where d.message_id = :messageId order by d.created_at, d.id").param("messageId", messageId)
                .query(ROW).list();
    }

    /** Dead letters, the newest first. */
    List<Delivery> deadLetters(Paging paging) {
        return jdbc.sql(SELECT + " where d.status = 'DEAD' order by d.dead_at desc, d.id limit :limit offset :offset")
                .param("limit", paging.size()).param("offset", paging.offset()).query(ROW).list();
    }

    /**
     * Ends or continues a PENDING drive after a try: only the drive that is current may write, so a
     * late worker of an earlier drive changes nothing. False when the delivery was not in that state.
     */
    boolean afterAttempt(UUID id, int drive, int attempts, Delivery.Status status, Integer statusCode, String error, Instant at) {
        return jdbc.sql("""
                        update webhook_delivery
                        set attempts = :attempts, status = :status, last_status_code = :statusCode, last_error = :error,
                            delivered_at = case when :status = 'DELIVERED' then :at else delivered_at end,
                            dead_at      = case when :status = 'DEAD' then :at else dead_at end
                        where id = :id and drive = :drive and status = 'PENDING'
                        """)
                .param("id", id).param("drive", drive).param("attempts", attempts).param("status", status.name())
                .param("statusCode", statusCode).param("error", error).param("at", OutboxMessages.utc(at))
                .update() == 1;
    }

    /** The endpoint was disabled: a PENDING delivery to it will not be tried again. */
    void cancel(UUID id, int drive) {
        jdbc.sql("update webhook_delivery set status = 'CANCELLED' where id = :id and drive = :drive and status = 'PENDING'")
                .param("id", id).param("drive", drive).update();
    }

    /** Starts a new drive of a dead letter; returns its number, empty when the delivery is not DEAD. */
    Optional<Integer> redrive(UUID id) {
        return jdbc.sql("""
                        update webhook_delivery set status = 'PENDING', attempts = 0, drive = drive + 1, dead_at = null
                        where id = :id and status = 'DEAD'
                        returning drive
                        """)
                .param("id", id).query(Integer.class).optional();
    }

    long count(Delivery.Status status) {
        return jdbc.sql("select count(*) from webhook_delivery where status = :status").param("status", status.name())
                .query(Long.class).single();
    }
}
