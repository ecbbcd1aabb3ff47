package app.baton.intake;

import app.baton.careplan.CaseFacts;
import app.baton.careplan.JsonColumns;
import app.baton.careplan.PracticeZone;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/** Intakes in PostgreSQL. */
@Repository
public class Intakes {

    enum Kind { REFERRAL, DISCHARGE }

    enum Status { HELD, RELEASED }

    public record IntakeRow(UUID id, String sourceSystem, String sourceId, Kind kind, String requestSha256, Status status,
                     String patientId, String location, CaseFacts facts, String firstResponse, UUID planId,
                     OffsetDateTime receivedAt, OffsetDateTime releasedAt) {
    }

    private final JdbcClient jdbc;
    private final JsonColumns json;
    private final PracticeZone zone;

    Intakes(JdbcClient jdbc, JsonColumns json, PracticeZone zone) {
        this.jdbc = jdbc;
        this.json = json;
        this.zone = zone;
    }

    /**
     * Takes the transaction-scoped lock of one source event (source system and id): a twin of an intake in flight waits
     * here until the first commits or rolls back, then finds it stored (a replay) or not. The two-key form keeps these
     * locks apart from every single-key advisory lock; two sources whose hashes meet only wait for each other.
     */
    void lockSource(String system, String sourceId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('baton.intake.source'), hashtext(:system || chr(31) || :sourceId))")
                .param("system", system).param("sourceId", sourceId).query().singleRow();
    }

    /**
     * Inserts the intake in its final form (status, plan, first answer), its one write on intake; returns whether it
     * was inserted: not if its source event was stored already (the unique index on source system and id, the guard
     * behind {@link #lockSource}).
     */
    boolean insert(IntakeRow i) {
        return jdbc.sql("""
                insert into intake (id, source_system, source_id, kind, request_sha256, status, patient_id, location, facts,
                                    first_response, plan_id, received_at, released_at)
                values (:id, :system, :sourceId, :kind, :sha, :status, :patient, :location, cast(:facts as jsonb),
                        cast(:response as jsonb), :plan, :at, :releasedAt)
                on conflict (source_system, source_id) do nothing
                """)
                .param("id", i.id()).param("system", i.sourceSystem()).param("sourceId", i.sourceId()).param("kind", i.kind().name())
                .param("sha", i.requestSha256()).param("status", i.status().name()).param("patient", i.patientId())
                .param("location", i.location()).param("facts", json.write(i.facts())).param("response", i.firstResponse())
                .param("plan", i.planId()).param("at", i.receivedAt()).param("releasedAt", i.releasedAt())
                .update() == 1;
    }

    Optional<IntakeRow> bySource(String system, String sourceId) {
        return jdbc.sql(select() + " where source_system = :system and source_id = :sourceId")
                .param("system", system).param("sourceId", sourceId).query(mapper()).optional();
    }

    public Optional<IntakeRow> find(UUID id) {
        return jdbc.sql(select() + " where id = :id").param("id", id).query(mapper()).optional();
    }

    public Optional<IntakeRow> lock(UUID id) {
        return jdbc.sql(select() + " where id = :id for update").param("id", id).query(mapper()).optional();
    }

    void updateFacts(UUID id, CaseFacts facts) {
        jdbc.sql("update intake set facts = cast(:facts as jsonb) where id = :id").param("id", id).param("facts", json.write(facts)).update();
    }

    void released(UUID id, UUID planId, OffsetDateTime at) {
        jdbc.sql("update intake set status = 'RELEASED', plan_id = :plan, released_at = :at where id = :id")
                .param("id", id).param("plan", planId).param("at", at).update();
    }

    private static String select() {
        return """
                select id, source_system, source_id, kind, request_sha256, status, patient_id, location, facts::text as facts,
                       first_response::text as first_response, plan_id, received_at, released_at
                from intake""";
    }

    private RowMapper<IntakeRow> mapper() {
        return (rs, row) -> new IntakeRow(rs.getObject("id", UUID.class), rs.getString("source_system"), rs.getString("source_id"),
                Kind.valueOf(rs.getString("kind")), rs.getString("request_sha256"), Status.valueOf(rs.getString("status")),
                rs.getString("patient_id"), rs.getString("location"), json.read(rs.getString("facts"), CaseFacts.class),
                rs.getString("first_response"), rs.getObject("plan_id", UUID.class),
                zone.time(rs, "received_at"), zone.time(rs, "released_at"));
    }
}
