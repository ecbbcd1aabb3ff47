package app.baton.decision;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads recorded decisions for replay, newest first, a page at a time (keyset pagination on
 * recorded_at and id), so that a caller can walk a million decisions without holding them or a
 * transaction open. Only decisions about a task are replayed: a plan template's answer
 * ({@link DecisionSubject#PLAN_TEMPLATE}) has no task to evaluate again.
 */
@Service
public class RecordedDecisions {

    private static final String COLUMNS = """
            select id, rule_set_version, as_of, recorded_at, task_id, inputs::text as inputs, response::text as response
            from decision
            """;

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final ObjectReader responses;

    RecordedDecisions(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        this.responses = json.readerFor(DecisionResponse.class);
    }

    /** Decisions recorded in {@code [since, until]}; {@code until} fixes the sample while it is read. */
    public record Window(OffsetDateTime since, OffsetDateTime until) {
    }

    /** Where the previous page ended. */
    public record Cursor(OffsetDateTime recordedAt, UUID id) {

        public static Cursor after(ReplayRecord last) {
            return new Cursor(last.recordedAt(), last.decisionId());
        }
    }

    /** How many decisions the window holds, counting no further than {@code atMost}. */
    public long count(Window window, long atMost) {
        return jdbc.sql("""
                select count(*) from (
                    select 1 from decision
                    where recorded_at >= :since and recorded_at <= :until and subject = 'TASK'
                    limit :atMost
                ) sample
                """)
                .param("since", window.since())
                .param("until", window.until())
                .param("atMost", atMost)
                .query(Long.class)
                .single();
    }

    /** The next page of the window, newest first, after {@code cursor} (empty for the first page). */
    public List<ReplayRecord> page(Window window, Optional<Cursor> cursor, int size) {
        if (cursor.isEmpty()) {
            return jdbc.sql(COLUMNS + """
                    where recorded_at >= :since and recorded_at <= :until and subject = 'TASK'
                    order by recorded_at desc, id desc
                    limit :size
                    """)
                    .param("since", window.since())
                    .param("until", window.until())
                    .param("size", size)
                    .query(this::row)
                    .list();
        }
        return jdbc.sql(COLUMNS + """
                where recorded_at >= :since and (recorded_at, id) < (:afterAt, :afterId) and subject = 'TASK'
                order by recorded_at desc, id desc
                limit :size
                """)
                .param("since", window.since())
                .param("afterAt", cursor.get().recordedAt())
                .param("afterId", cursor.get().id())
                .param("size", size)
                .query(this::row)
                .list();
    }

    private ReplayRecord row(ResultSet rs, int row) throws SQLException {
        try {
            return new ReplayRecord(rs.getObject("id", UUID.class), rs.getInt("rule_set_version"),
                    rs.getObject("as_of", OffsetDateTime.class), rs.getObject("recorded_at", OffsetDateTime.class),
                    rs.getString("task_id"), json.readTree(rs.getString("inputs")), responses.readValue(rs.getString("response")));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("recorded decision " + rs.getObject("id") + " cannot be read", e);
        }
    }
}
