package app.baton.review;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Impact analyses in PostgreSQL. Every write after the insert is conditional on the status still
 * being RUNNING: a cancel (from any instance) and the runner's progress and completion cannot
 * overwrite each other, and a progress write that changes no row tells the runner to stop.
 */
@Repository
class ImpactAnalyses {

    private static final String COLUMNS = """
            select id, rule_set_version, sample_kind, sample_size, sample_until, status, requested_by, started_at,
                   finished_at, cancelled_by, processed, total, open_tasks_processed, open_tasks_total, failure,
                   report::text as report
            from impact_analysis
            """;

    private final JdbcClient jdbc;

    ImpactAnalyses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, int version, String sampleKind, int sampleSize, OffsetDateTime until, String requestedBy) {
        jdbc.sql("""
                insert into impact_analysis (id, rule_set_version, sample_kind, sample_size, sample_until, status, requested_by)
                values (:id, :version, :kind, :size, :until, 'RUNNING', :requestedBy)
                """)
                .param("id", id)
                .param("version", version)
                .param("kind", sampleKind)
                .param("size", sampleSize)
                .param("until", until)
                .param("requestedBy", requestedBy)
                .update();
    }

    Optional<ImpactAnalysis> find(int version, UUID id) {
        return jdbc.sql(COLUMNS + "where id = :id and rule_set_version = :version")
                .param("id", id)
                .param("version", version)
                .query(ImpactAnalyses::row)
                .optional();
    }

    List<ImpactAnalysis> list(int version) {
        return jdbc.sql(COLUMNS + "where rule_set_version = :version order by started_at desc")
                .param("version", version)
                .query(ImpactAnalyses::row)
                .list()
                .stream().map(ImpactAnalysis::withoutReport).toList();
    }

    /** Records progress and proves the runner alive; false when the analysis is no longer RUNNING. */
    boolean progress(UUID id, long processed, long total) {
        return jdbc.sql("""
                update impact_analysis set processed = :processed, total = :total, heartbeat_at = now()
                where id = :id and status = 'RUNNING'
                """)
                .param("id", id)
                .param("processed", processed)
                .param("total", total)
                .update() == 1;
    }

    /** As {@link #progress}, through the open tasks (after the recorded decisions). */
    boolean openProgress(UUID id, long processed, long total) {
        return jdbc.sql("""
                update impact_analysis set open_tasks_processed = :processed, open_tasks_total = :total, heartbeat_at = now()
                where id = :id and status = 'RUNNING'
                """)
                .param("id", id)
                .param("processed", processed)
                .param("total", total)
                .update() == 1;
    }

    boolean complete(UUID id, long processed, String report) {
        return jdbc.sql("""
                update impact_analysis
                set status = 'COMPLETED', processed = :processed, report = cast(:report as jsonb), finished_at = now(),
                    heartbeat_at = now()
                where id = :id and status = 'RUNNING'
                """)
                .param("id", id)
                .param("processed", processed)
                .param("report", report)
                .update() == 1;
    }

    boolean cancel(UUID id, String by) {
        return jdbc.sql("""
                update impact_analysis set status = 'CANCELLED', cancelled_by = :by, finished_at = now()
                where id = :id and status = 'RUNNING'
                """)
                .param("id", id)
                .param("by", by)
                .update() == 1;
    }

    /** Keeps what a cancelled analysis had found when it stopped. */
    void partialReport(UUID id, long processed, String report) {
        jdbc.sql("""
                update impact_analysis set processed = :processed, report = cast(:report as jsonb)
                where id = :id and status = 'CANCELLED' and report is null
                """)
                .param("id", id)
                .param("processed", processed)
                .param("report", report)
                .update();
    }

    void fail(UUID id, String failure) {
        jdbc.sql("""
                update impact_analysis set status = 'FAILED', failure = :failure, finished_at = now()
                where id = :id and status = 'RUNNING'
                """)
                .param("id", id)
                .param("failure", failure)
                .update();
    }

    /** Marks RUNNING analyses whose runner has not written for {@code staleAfter} as FAILED; returns how many. */
    int failStale(Duration staleAfter) {
        return jdbc.sql("""
                update impact_analysis
                set status = 'FAILED', finished_at = now(),
                    failure = 'interrupted: no progress since ' || to_char(heartbeat_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
                              || '; the instance running it stopped. Start a new analysis.'
                where status = 'RUNNING' and heartbeat_at < now() - make_interval(secs => :seconds)
                """)
                .param("seconds", (double) staleAfter.toSeconds())
                .update();
    }

    private static ImpactAnalysis row(ResultSet rs, int row) throws SQLException {
        long total = rs.getLong("total");
        Long totalOrNull = rs.wasNull() ? null : total;
        long openTotal = rs.getLong("open_tasks_total");
        Long openTotalOrNull = rs.wasNull() ? null : openTotal;
        String sampleKey = "LAST_DAYS".equals(rs.getString("sample_kind")) ? "lastDays" : "lastDecisions";
        return new ImpactAnalysis(rs.getObject("id", UUID.class), rs.getInt("rule_set_version"),
                Map.of(sampleKey, rs.getInt("sample_size")), rs.getObject("sample_until", OffsetDateTime.class),
                rs.getString("status"), rs.getString("requested_by"), rs.getObject("started_at", OffsetDateTime.class),
                rs.getObject("finished_at", OffsetDateTime.class), rs.getString("cancelled_by"),
                ImpactAnalysis.Progress.of(rs.getLong("processed"), totalOrNull,
                        rs.getLong("open_tasks_processed"), openTotalOrNull), rs.getString("failure"), rs.getString("report"), null);
    }
}
