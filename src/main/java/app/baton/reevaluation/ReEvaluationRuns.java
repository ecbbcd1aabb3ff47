package app.baton.reevaluation;

import com.fasterxml.jackson.annotation.JsonFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The state of applied re-evaluations in PostgreSQL. A page's tasks and the run's cursor commit together
 * ({@link #advance} runs in the page's transaction and only moves a cursor that is still where the page began),
 * so a crash loses at most the page in flight, which rolls back, and two instances never apply the same page.
 */
@Repository
class ReEvaluationRuns {

    /** A run as stored and as answered: where it stands and what it changed so far. */
    record Run(UUID id, @JsonFormat(shape = JsonFormat.Shape.STRING) int ruleSetVersion, String status, String requestedBy,
               long total, long processed, Integer percent, long dueChanged, long queueChanged, long unchanged, long skipped,
               OffsetDateTime startedAt, OffsetDateTime finishedAt) {
    }

    /** Where a run stands, for its runner. */
    record Cursor(UUID afterTask, Set<String> locations) {
    }

    private final JdbcClient jdbc;

    ReEvaluationRuns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, int version, Set<String> locations, String requestedBy, long total) {
        jdbc.sql("""
                insert into re_evaluation_run (id, rule_set_version, locations, requested_by, status, total)
                values (:id, :version, :locations, :by, 'RUNNING', :total)
                """)
                .param("id", id).param("version", version)
                .param("locations", locations == null ? null : String.join(",", new TreeSet<>(locations)))
                .param("by", requestedBy).param("total", total)
                .update();
    }

    /** The cursor of a RUNNING run; empty once it is COMPLETED. */
    Optional<Cursor> cursor(UUID id) {
        return jdbc.sql("select after_task, locations from re_evaluation_run where id = :id and status = 'RUNNING'")
                .param("id", id)
                .query((rs, row) -> new Cursor(rs.getObject("after_task", UUID.class), locations(rs.getString("locations"))))
                .optional();
    }

    /** Moves the cursor from {@code from} to {@code to} and adds the page's counts; false when it was not at {@code from}. */
    boolean advance(UUID id, UUID from, UUID to, long processed, long due, long queue, long unchanged, long skipped) {
        return jdbc.sql("""
                update re_evaluation_run
                set after_task = :to, processed = processed + :processed, due_changed = due_changed + :due,
                    queue_changed = queue_changed + :queue, unchanged = unchanged + :unchanged, skipped = skipped + :skipped,
                    total = greatest(total, processed + :processed), heartbeat_at = now()
                where id = :id and status = 'RUNNING' and after_task = :from
                """)
                .param("id", id).param("from", from).param("to", to).param("processed", processed).param("due", due)
                .param("queue", queue).param("unchanged", unchanged).param("skipped", skipped)
                .update() == 1;
    }

    boolean complete(UUID id) {
        return jdbc.sql("""
                update re_evaluation_run set status = 'COMPLETED', finished_at = now(), heartbeat_at = now()
                where id = :id and status = 'RUNNING'
                """).param("id", id).update() == 1;
    }

    /** Takes over RUNNING runs no one has moved for {@code staleAfter}: their instance died. Returns their ids. */
    List<UUID> claimStale(Duration staleAfter) {
        return jdbc.sql("""
                update re_evaluation_run set heartbeat_at = now()
                where status = 'RUNNING' and heartbeat_at < now() - make_interval(secs => :seconds)
                returning id
                """).param("seconds", (double) staleAfter.toSeconds()).query(UUID.class).list();
    }

    Optional<Run> find(UUID id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id).query(ReEvaluationRuns::row).optional();
    }

    /** The newest runs first. */
    List<Run> recent(int limit) {
        return jdbc.sql(SELECT + " order by started_at desc limit :limit").param("limit", limit).query(ReEvaluationRuns::row).list();
    }

    private static final String SELECT = """
            select id, rule_set_version, status, requested_by, total, processed, due_changed, queue_changed, unchanged, skipped,
                   started_at, finished_at
            from re_evaluation_run
            """;

    private static Run row(ResultSet rs, int row) throws SQLException {
        long total = rs.getLong("total");
        long processed = rs.getLong("processed");
        return new Run(rs.getObject("id", UUID.class), rs.getInt("rule_set_version"), rs.getString("status"),
                rs.getString("requested_by"), total, processed, total == 0 ? 100 : (int) Math.min(100, processed * 100 / total),
                rs.getLong("due_changed"), rs.getLong("queue_changed"), rs.getLong("unchanged"), rs.getLong("skipped"),
                rs.getObject("started_at", OffsetDateTime.class), rs.getObject("finished_at", OffsetDateTime.class));
    }

    private static Set<String> locations(String stored) {
        return stored == null ? null : stored.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(stored.split(",")));
    }
}
