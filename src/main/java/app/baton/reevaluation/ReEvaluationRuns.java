package app.baton.reevaluation;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * so a crash loses at most the page in flight, which rolls back, and two instances never apply the same page. The
 * page's examples of what changed are appended in that transaction too.
 */
@Repository
class ReEvaluationRuns {

    /**
     * A run as stored and as answered: where it stands (RUNNING, COMPLETED, FAILED with its {@code failure}) and what it
     * changed so far; {@code examples} (up to 20 changed tasks) only when one run is read, not in the list.
     * {@code locations}: the caller's locations it covers, null for all.
     */
    record Run(UUID id, @JsonFormat(shape = JsonFormat.Shape.STRING) int ruleSetVersion, String status, String requestedBy,
               long total, long processed, Integer percent, long dueChanged, long queueChanged, long unchanged, long skipped,
               OffsetDateTime startedAt, OffsetDateTime finishedAt,
               @JsonInclude(JsonInclude.Include.NON_NULL) String failure, @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode examples,
               @JsonIgnore Set<String> locations) {

        Run withExamples(JsonNode examples) {
            return new Run(id, ruleSetVersion, status, requestedBy, total, processed, percent, dueChanged, queueChanged, unchanged,
                    skipped, startedAt, finishedAt, failure, examples, locations);
        }
    }

    /** Where a run stands, for its runner: after which task, at which locations, and how many examples it keeps already. */
    record Cursor(UUID afterTask, Set<String> locations, int examples) {
    }

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    ReEvaluationRuns(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
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
        return jdbc.sql("""
                select after_task, locations, jsonb_array_length(examples) as examples
                from re_evaluation_run where id = :id and status = 'RUNNING'
                """)
                .param("id", id)
                .query((rs, row) -> new Cursor(rs.getObject("after_task", UUID.class), locations(rs.getString("locations")),
                        rs.getInt("examples")))
                .optional();
    }

    /**
     * Moves the cursor from {@code from} to {@code to}, adds the page's counts and appends its examples; false when it
     * was not at {@code from}.
     */
    boolean advance(UUID id, UUID from, UUID to, long processed, long due, long queue, long unchanged, long skipped,
                    List<ReEvaluations.Change> examples) {
        return jdbc.sql("""
                update re_evaluation_run
                set after_task = :to, processed = processed + :processed, due_changed = due_changed + :due,
                    queue_changed = queue_changed + :queue, unchanged = unchanged + :unchanged, skipped = skipped + :skipped,
                    total = greatest(total, processed + :processed), heartbeat_at = now(),
                    examples = examples || cast(:examples as jsonb)
                where id = :id and status = 'RUNNING' and after_task = :from
                """)
                .param("id", id).param("from", from).param("to", to).param("processed", processed).param("due", due)
                .param("queue", queue).param("unchanged", unchanged).param("skipped", skipped).param("examples", write(examples))
                .update() == 1;
    }

    boolean complete(UUID id) {
        return jdbc.sql("""
                update re_evaluation_run set status = 'COMPLETED', finished_at = now(), heartbeat_at = now()
                where id = :id and status = 'RUNNING'
                """).param("id", id).update() == 1;
    }

    /** Stops a RUNNING run as FAILED with the reason (no patient data: an error's kind and the run's id). */
    boolean fail(UUID id, String failure) {
        return jdbc.sql("""
                update re_evaluation_run set status = 'FAILED', failure = :failure, finished_at = now(), heartbeat_at = now()
                where id = :id and status = 'RUNNING'
                """).param("id", id).param("failure", failure).update() == 1;
    }

    /** Takes over RUNNING runs no one has moved for {@code staleAfter}: their instance died. Returns their ids. */
    List<UUID> claimStale(Duration staleAfter) {
        return jdbc.sql("""
                update re_evaluation_run set heartbeat_at = now()
                where status = 'RUNNING' and heartbeat_at < now() - make_interval(secs => :seconds)
                returning id
                """).param("seconds", (double) staleAfter.toSeconds()).query(UUID.class).list();
    }

    /** One run, with its examples. */
    Optional<Run> find(UUID id) {
        return jdbc.sql(SELECT + ", examples::text as examples from re_evaluation_run where id = :id").param("id", id)
                .query((rs, row) -> row(rs, row).withExamples(read(rs.getString("examples")))).optional();
    }

    /** The newest runs first. */
    List<Run> recent(int limit) {
        return jdbc.sql(SELECT + " from re_evaluation_run order by started_at desc limit :limit").param("limit", limit)
                .query(ReEvaluationRuns::row).list();
    }

    private static final String SELECT = """
            select id, rule_set_version, status, requested_by, total, processed, due_changed, queue_changed, unchanged, skipped,
                   started_at, finished_at, failure, locations
            """;

    private static Run row(ResultSet rs, int row) throws SQLException {
        long total = rs.getLong("total");
        long processed = rs.getLong("processed");
        return new Run(rs.getObject("id", UUID.class), rs.getInt("rule_set_version"), rs.getString("status"),
                rs.getString("requested_by"), total, processed, total == 0 ? 100 : (int) Math.min(100, processed * 100 / total),
                rs.getLong("due_changed"), rs.getLong("queue_changed"), rs.getLong("unchanged"), rs.getLong("skipped"),
                rs.getObject("started_at", OffsetDateTime.class), rs.getObject("finished_at", OffsetDateTime.class),
                rs.getString("failure"), null, locations(rs.getString("locations")));
    }

    private String write(List<ReEvaluations.Change> examples) {
        try {
            return json.writeValueAsString(examples);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a re-evaluation's examples", e);
        }
    }

    /** The examples as they were written (each due date at the offset it was decided in). */
    private JsonNode read(String examples) {
        try {
            return json.readTree(examples);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read a re-evaluation's examples", e);
        }
    }

    private static Set<String> locations(String stored) {
        return stored == null ? null : stored.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(stored.split(",")));
    }
}
