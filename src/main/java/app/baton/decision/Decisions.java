package app.baton.decision;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Types;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Recorded decisions in PostgreSQL. */
@Repository
class Decisions {

    private final JdbcClient jdbc;

    Decisions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts the rows in one multi-row statement (their columns as arrays): a page of the sweep's or a re-evaluation's
     * decisions, or a group commit of API decisions, is one round trip and one statement for PostgreSQL to plan, where a statement batch is one execution per
     * row. Returns the ids stored: the first decision under an idempotency key wins, a row whose key is taken (by an
     * earlier statement or earlier in this one) is skipped. The key's uniqueness is decision_request_key's primary key
     * (decision is partitioned by month, and a unique index there would have to contain recorded_at). Keys are claimed in
     * their sort order: two writers (or instances) whose batches share keys wait for each other in one order, never in a
     * cycle, so they cannot deadlock.
     */
    Set<UUID> insertAtOnce(List<DecisionRow> rows) {
        int n = rows.size();
        String[] ids = new String[n];
        String[] keys = new String[n];
        String[] shas = new String[n];
        Integer[] versions = new Integer[n];
        String[] asOfs = new String[n];
        String[] taskIds = new String[n];
        String[] programs = new String[n];
        String[] types = new String[n];
        String[] inputs = new String[n];
        String[] responses = new String[n];
        Integer[] micros = new Integer[n];
        String[] askedBy = new String[n];
        String[] actors = new String[n];
        String[] subjects = new String[n];
        for (int i = 0; i < n; i++) {
            DecisionRow row = rows.get(i);
            ids[i] = row.id().toString();
            keys[i] = row.idempotencyKey();
            shas[i] = row.requestSha256();
            versions[i] = row.ruleSetVersion();
            asOfs[i] = row.asOf().toString();
            taskIds[i] = row.taskId();
            programs[i] = row.program();
            types[i] = row.taskType();
            inputs[i] = row.inputsJson();
            responses[i] = row.responseJson();
            micros[i] = row.evaluationMicros();
            askedBy[i] = row.askedBy().name();
            actors[i] = row.caller() == null ? null : row.caller().actor().name();
            subjects[i] = row.subject().name();
        }
        return new HashSet<>(jdbc.sql("""
                with d as (
                    select cast(id as uuid) as id, k, sha, v, cast(a as timestamptz) as a, t, p, ty, i, r, m, ab, ac, s
                    from unnest(cast(:ids as text[]), cast(:keys as text[]), cast(:shas as text[]), cast(:versions as integer[]),
                                cast(:asOfs as text[]), cast(:taskIds as text[]), cast(:programs as text[]), cast(:types as text[]),
                                cast(:inputs as text[]), cast(:responses as text[]), cast(:micros as integer[]), cast(:askedBy as text[]),
                                cast(:actors as text[]), cast(:subjects as text[])) as u(id, k, sha, v, a, t, p, ty, i, r, m, ab, ac, s)
                ), claimed as (
                    insert into decision_request_key (idempotency_key, decision_id, recorded_at)
                    select k, id, now() from d where k is not null
                    order by k
                    on conflict (idempotency_key) do nothing
                    returning decision_id
                )
                insert into decision (id, idempotency_key, request_sha256, rule_set_version, as_of, task_id, program,
                                      task_type, inputs, response, evaluation_micros, asked_by, actor, subject)
                select id, k, sha, v, a, t, p, ty, cast(i as jsonb), cast(r as jsonb), m, ab, ac, s
                from d
                where k is null or id in (select decision_id from claimed)
                returning id
                """)
                .param("ids", ids).param("keys", keys).param("shas", shas).param("versions", versions).param("asOfs", asOfs)
                .param("taskIds", taskIds).param("programs", programs).param("types", types).param("inputs", inputs)
                .param("responses", responses).param("micros", micros).param("askedBy", askedBy).param("actors", actors)
                .param("subjects", subjects)
                .query(UUID.class).list());
    }

    Optional<Stored> findByKey(String key) {
        return jdbc.sql("""
                select d.id, d.request_sha256, d.response::text as response
                from decision_request_key k
                join decision d on d.id = k.decision_id and d.recorded_at = k.recorded_at
                where k.idempotency_key = :key
                """)
                .param("key", key)
                .query((rs, row) -> new Stored(rs.getObject("id", UUID.class), rs.getString("request_sha256"), rs.getString("response")))
                .optional();
    }

    /** The stored decisions of many scoped keys in one statement (keys without one are absent from the map). */
    Map<String, Stored> findByKeys(Collection<String> keys) {
        Map<String, Stored> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        jdbc.sql("""
                select k.idempotency_key, d.id, d.request_sha256, d.response::text as response
                from decision_request_key k
                join decision d on d.id = k.decision_id and d.recorded_at = k.recorded_at
                where k.idempotency_key = any(:keys)
                """)
                .param("keys", keys.toArray(String[]::new))
                .query(rs -> {
                    found.put(rs.getString("idempotency_key"),
                            new Stored(rs.getObject("id", UUID.class), rs.getString("request_sha256"), rs.getString("response")));
                });
        return found;
    }

    Optional<Recorded> findById(UUID id) {
        return jdbc.sql("""
                select id, rule_set_version, as_of, recorded_at, inputs::text as inputs, response::text as response,
                       evaluation_micros, asked_by, actor, subject
                from decision
                where id = :id
                """)
                .param("id", id)
                .query((rs, row) -> recorded(rs))
                .optional();
    }

    /**
     * The decisions of one task, newest first (by the order they were stored), after {@code beforeSeq} (null: from
     * the newest), at most {@code limit}.
     */
    java.util.List<Listed> ofTask(String taskId, Long beforeSeq, int limit) {
        return jdbc.sql("""
                select seq, id, rule_set_version, recorded_at, asked_by, actor, inputs::text as inputs, response::text as response,
                       evaluation_micros, subject
                from decision
                where task_id = :taskId and (cast(:before as bigint) is null or seq < :before)
                order by seq desc
                limit :limit
                """)
                .param("taskId", taskId).param("before", beforeSeq, Types.BIGINT).param("limit", limit)
                .query((rs, row) -> new Listed(rs.getLong("seq"), recorded(rs)))
                .list();
    }

    /** A decision of a task's history and its place in the order they were stored. */
    record Listed(long seq, Recorded recorded) {
    }

    record Stored(UUID id, String requestSha256, String responseJson) {
    }

    record Recorded(UUID id, int ruleSetVersion, java.time.OffsetDateTime recordedAt, String inputsJson,
                    String responseJson, int evaluationMicros, String askedBy, String actor, String subject) {
    }

    private static Recorded recorded(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Recorded(rs.getObject("id", UUID.class), rs.getInt("rule_set_version"),
                rs.getObject("recorded_at", java.time.OffsetDateTime.class), rs.getString("inputs"),
                rs.getString("response"), rs.getInt("evaluation_micros"), rs.getString("asked_by"), rs.getString("actor"),
                rs.getString("subject"));
    }
}
