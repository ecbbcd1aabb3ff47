package app.baton.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** In-app notifications: one row per notice and person; the notice itself stays in the outbox. */
@Repository
class UserNotifications {

    /** One entry of a person's list. */
    record Entry(UUID id, UUID eventId, String kind, String planId, String taskId, String queue, Map<String, String> codes,
                 Instant occurredAt, Instant readAt) {
    }

    private static final TypeReference<Map<String, String>> CODES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    UserNotifications(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Adds each notice to its people's lists once (the pairs {@code messageIds[i]}, {@code usernames[i]}), in one
     * statement: an escalation to a queue reaches everyone who works it, and a fan-out dispatches many notices at once.
     * A pair already there is skipped.
     */
    void insertAll(List<UUID> messageIds, List<String> usernames) {
        if (messageIds.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into user_notification (id, message_id, username)
                        select gen_random_uuid(), m, u from unnest(cast(:messageIds as uuid[]), cast(:names as text[])) as n(m, u)
                        on conflict (message_id, username) do nothing
                        """)
                .param("messageIds", messageIds.toArray(UUID[]::new))
                .param("names", usernames.toArray(String[]::new)).update();
    }

    /** A person's notifications, unread first, newest first within each. */
    List<Entry> page(String username, Paging paging) {
        return jdbc.sql("""
                        select n.id, n.message_id, o.kind, o.plan_id, o.task_id, o.queue, o.codes, o.occurred_at, n.read_at
                        from user_notification n join notification_outbox o on o.id = n.message_id
                        where lower(n.username) = lower(:username)
                        order by (n.read_at is not null), n.created_at desc, n.id
                        limit :limit offset :offset
                        """)
                .param("username", username).param("limit", paging.size()).param("offset", paging.offset())
                .query(this::entry).list();
    }

    long unread(String username) {
        return jdbc.sql("select count(*) from user_notification where lower(username) = lower(:username) and read_at is null")
                .param("username", username).query(Long.class).single();
    }

    /** Marks one of the person's own notifications read (the first read counts); false when it is not theirs. */
    boolean markRead(UUID id, String username, Instant at) {
        return jdbc.sql("""
                        update user_notification set read_at = coalesce(read_at, :at)
                        where id = :id and lower(username) = lower(:username)
                        """)
                .param("id", id).param("username", username).param("at", OutboxMessages.utc(at)).update() == 1;
    }

    private Entry entry(ResultSet rs, int n) throws SQLException {
        try {
            return new Entry(rs.getObject("id", UUID.class), rs.getObject("message_id", UUID.class), rs.getString("kind"),
                    rs.getString("plan_id"), rs.getString("task_id"), rs.getString("queue"),
                    json.readValue(rs.getString("codes"), CODES), OutboxMessages.instant(rs, "occurred_at"),
                    OutboxMessages.instant(rs, "read_at"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("notification_outbox.codes is not a JSON object of strings", e);
        }
    }
}
