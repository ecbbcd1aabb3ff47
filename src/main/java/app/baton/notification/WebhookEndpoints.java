package app.baton.notification;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Receivers of webhooks. */
@Repository
class WebhookEndpoints {

    private static final String COLUMNS = "id, url, kinds, secret, created_by, created_at, disabled_at, disabled_by";
    private static final RowMapper<WebhookEndpoint> ROW = (rs, n) -> new WebhookEndpoint(rs.getObject("id", UUID.class),
            rs.getString("url"), Set.of((String[]) rs.getArray("kinds").getArray()), rs.getString("secret"),
            rs.getString("created_by"), OutboxMessages.instant(rs, "created_at"), OutboxMessages.instant(rs, "disabled_at"),
            rs.getString("disabled_by"));

    private final JdbcClient jdbc;

    WebhookEndpoints(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    WebhookEndpoint insert(String url, Collection<String> kinds, String secret, String createdBy) {
        return jdbc.sql("insert into webhook_endpoint (id, url, kinds, secret, created_by) values (:id, :url, :kinds, :secret, :by)"
                        + " returning " + COLUMNS)
                .param("id", UUID.randomUUID()).param("url", url).param("kinds", kinds.stream().sorted().toArray(String[]::new))
                .param("secret", secret).param("by", createdBy)
                .query(ROW).single();
    }

    Optional<WebhookEndpoint> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from webhook_endpoint where id = :id").param("id", id).query(ROW).optional();
    }

    List<WebhookEndpoint> findAll() {
        return jdbc.sql("select " + COLUMNS + " from webhook_endpoint order by created_at, id").query(ROW).list();
    }

    /** The enabled endpoints that subscribe to this kind (or to every kind). */
    List<WebhookEndpoint> subscribedTo(String kind) {
        return jdbc.sql("select " + COLUMNS + " from webhook_endpoint where disabled_at is null and (:kind = any(kinds) or '*' = any(kinds))"
                        + " order by created_at, id")
                .param("kind", kind).query(ROW).list();
    }

    /** Disables an enabled endpoint; false when it is unknown or already disabled. */
    boolean disable(UUID id, String by, Instant at) {
        return jdbc.sql("update webhook_endpoint set disabled_at = :at, disabled_by = :by where id = :id and disabled_at is null")
                .param("id", id).param("by", by).param("at", OutboxMessages.utc(at)).update() == 1;
    }
}
