package app.baton.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The outbox table: notices as their business transactions wrote them. */
@Repository
class OutboxMessages {

    private static final TypeReference<Map<String, String>> CODES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    OutboxMessages(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Inserts notices in one statement; {@code fanOuts} names, for each, the fan-out task that will dispatch it. */
    void insertAll(List<UUID> ids, List<UUID> fanOuts, List<Notice> notices, Instant occurredAt) {
        int n = notices.size();
        String[] idArray = new String[n];
        String[] fanOutArray = new String[n];
        String[] kinds = new String[n];
        String[] queues = new String[n];
        String[] roles = new String[n];
        String[] usernames = new String[n];
        String[] locations = new String[n];
        String[] planIds = new String[n];
        String[] taskIds = new String[n];
        String[] codes = new String[n];
        for (int i = 0; i < n; i++) {
            Notice notice = notices.get(i);
            Audience audience = notice.audience();
            idArray[i] = ids.get(i).toString();
            fanOutArray[i] = fanOuts.get(i).toString();
            kinds[i] = notice.kind();
            queues[i] = audience.queue();
            roles[i] = audience.role() == null ? null : audience.role().name();
            usernames[i] = audience.username();
            locations[i] = audience.location();
            planIds[i] = notice.planId();
            taskIds[i] = notice.taskId();
            codes[i] = write(notice.codes());
        }
        jdbc.sql("""
                        insert into notification_outbox (id, kind, queue, role, username, location, plan_id, task_id, codes, occurred_at,
                                                         fan_out)
                        select cast(i as uuid), k, q, r, u, l, p, t, cast(c as jsonb), :occurredAt, cast(f as uuid)
                        from unnest(cast(:ids as text[]), cast(:kinds as text[]), cast(:queues as text[]), cast(:roles as text[]),
                                    cast(:usernames as text[]), cast(:locations as text[]), cast(:planIds as text[]), cast(:taskIds as text[]),
                                    cast(:codes as text[]), cast(:fanOuts as text[]))
                             as n(i, k, q, r, u, l, p, t, c, f)
                        """)
                .param("ids", idArray).param("fanOuts", fanOutArray).param("kinds", kinds).param("queues", queues).param("roles", roles)
                .param("usernames", usernames).param("locations", locations).param("planIds", planIds).param("taskIds", taskIds).param("codes", codes)
                .param("occurredAt", utc(occurredAt))
                .update();
    }

    Optional<OutboxMessage> find(UUID id) {
        return jdbc.sql("""
                        select id, kind, queue, role, username, location, plan_id, task_id, codes, occurred_at, dispatched_at
                        from notification_outbox where id = :id
                        """)
                .param("id", id).query(this::row).optional();
    }

    /** The notices of one fan-out task not yet dispatched, locked (in id order) until the transaction ends. */
    List<OutboxMessage> claimUndispatched(UUID fanOut) {
        return jdbc.sql("""
                        select id, kind, queue, role, username, location, plan_id, task_id, codes, occurred_at, dispatched_at
                        from notification_outbox where fan_out = :fanOut and dispatched_at is null
                        order by id
                        for update
                        """)
                .param("fanOut", fanOut).query(this::row).list();
    }

    void markDispatched(List<UUID> ids, Instant at) {
        jdbc.sql("update notification_outbox set dispatched_at = :at where id = any(cast(:ids as uuid[])) and dispatched_at is null")
                .param("ids", ids.toArray(UUID[]::new)).param("at", utc(at)).update();
    }

    /** Notices written but not yet fanned out. */
    long backlog() {
        return jdbc.sql("select count(*) from notification_outbox where dispatched_at is null").query(Long.class).single();
    }

    private OutboxMessage row(ResultSet rs, int n) throws SQLException {
        return new OutboxMessage(rs.getObject("id", UUID.class), rs.getString("kind"), rs.getString("queue"),
                rs.getString("role"), rs.getString("username"), rs.getString("location"), rs.getString("plan_id"), rs.getString("task_id"),
                read(rs.getString("codes")), instant(rs, "occurred_at"), instant(rs, "dispatched_at"));
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    private String write(Map<String, String> codes) {
        try {
            return json.writeValueAsString(codes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("codes are plain strings", e);
        }
    }

    private Map<String, String> read(String codes) {
        try {
            return json.readValue(codes, CODES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("notification_outbox.codes is not a JSON object of strings", e);
        }
    }
}
