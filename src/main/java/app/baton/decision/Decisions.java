package app.baton.decision;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Types;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Recorded decisions in PostgreSQL. */
@Repository
class Decisions {

    /** The first decision under an idempotency key wins; a retry inserts nothing (count 0). */
    private static final String INSERT = """
            insert into decision (id, idempotency_key, request_sha256, rule_set_version, as_of, task_id, program,
                                  task_type, inputs, response, evaluation_micros)
            values (:id, :key, :sha, :version, :asOf, :taskId, :program, :taskType, cast(:inputs as jsonb),
                    cast(:response as jsonb), :micros)
            on conflict (idempotency_key) where idempotency_key is not null do nothing
            """;

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    Decisions(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** Inserts the rows in one statement batch; returns, per row, whether it was stored. */
    boolean[] insertAll(List<DecisionRow> rows) {
        SqlParameterSource[] params = rows.stream().map(Decisions::params).toArray(SqlParameterSource[]::new);
        int[] counts = batch.batchUpdate(INSERT, params);
        boolean[] stored = new boolean[counts.length];
        for (int i = 0; i < counts.length; i++) {
            stored[i] = counts[i] != 0;
        }
        return stored;
    }

    Optional<Stored> findByKey(String key) {
        return jdbc.sql("""
                select id, request_sha256, response::text as response
                from decision
                where idempotency_key = :key
                """)
                .param("key", key)
                .query((rs, row) -> new Stored(rs.getObject("id", UUID.class), rs.getString("request_sha256"), rs.getString("response")))
                .optional();
    }

    Optional<Recorded> findById(UUID id) {
        return jdbc.sql("""
                select id, rule_set_version, as_of, recorded_at, inputs::text as inputs, response::text as response,
                       evaluation_micros
                from decision
                where id = :id
                """)
                .param("id", id)
                .query((rs, row) -> new Recorded(rs.getObject("id", UUID.class), rs.getInt("rule_set_version"),
                        rs.getObject("recorded_at", java.time.OffsetDateTime.class), rs.getString("inputs"),
                        rs.getString("response"), rs.getInt("evaluation_micros")))
                .optional();
    }

    record Stored(UUID id, String requestSha256, String responseJson) {
    }

    record Recorded(UUID id, int ruleSetVersion, java.time.OffsetDateTime recordedAt, String inputsJson,
                    String responseJson, int evaluationMicros) {
    }

    private static SqlParameterSource params(DecisionRow row) {
        return new MapSqlParameterSource()
                .addValue("id", row.id())
                .addValue("key", row.idempotencyKey(), Types.VARCHAR)
                .addValue("sha", row.requestSha256())
                .addValue("version", row.ruleSetVersion())
                .addValue("asOf", row.asOf())
                .addValue("taskId", row.taskId())
                .addValue("program", row.program())
                .addValue("taskType", row.taskType())
                .addValue("inputs", row.inputsJson())
                .addValue("response", row.responseJson())
                .addValue("micros", row.evaluationMicros());
    }
}
