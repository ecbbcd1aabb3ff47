package app.baton.careplan;

import app.baton.decision.DecisionResponse;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Care plans in PostgreSQL. */
@Repository
public class Plans {

    public enum Status { OPEN, CLOSED }

    /** One plan as stored. {@code templateRules} are the template rows that made its tasks. */
    public record PlanRow(UUID id, UUID intakeId, String patientId, String location, CaseFacts facts, Status status, int ruleSetVersion,
                   List<DecisionResponse.TraceEntry> templateRules, OffsetDateTime createdAt, OffsetDateTime closedAt, String reopenReason,
                   String reopenNote, int version) {
    }

    private final JdbcClient jdbc;
    private final JsonColumns json;
    private final PracticeZone zone;

    Plans(JdbcClient jdbc, JsonColumns json, PracticeZone zone) {
        this.jdbc = jdbc;
        this.json = json;
        this.zone = zone;
    }

    public void insert(PlanRow p) {
        jdbc.sql("""
                insert into care_plan (id, intake_id, patient_id, location, program, facts, status, rule_set_version,
                                       template_rules, created_at, version)
                values (:id, :intake, :patient, :location, :program, cast(:facts as jsonb), :status, :version,
                        cast(:rules as jsonb), :createdAt, 0)
                """)
                .param("id", p.id()).param("intake", p.intakeId()).param("patient", p.patientId()).param("location", p.location())
                .param("program", p.facts().program().name()).param("facts", json.write(p.facts())).param("status", p.status().name())
                .param("version", p.ruleSetVersion()).param("rules", json.write(p.templateRules())).param("createdAt", p.createdAt())
                .update();
    }

    /**
     * The latest discharge date of the patient's TCM plans at or before {@code at} (the one TCM per 30 days rule reads
     * it); read from the plans' facts, of which a patient has few.
     */
    public Optional<OffsetDateTime> latestTcmDischarge(String patientId, OffsetDateTime at) {
        return jdbc.sql("select facts::text from care_plan where patient_id = :patient and program = 'TCM'")
                .param("patient", patientId).query(String.class).list().stream()
                .map(text -> json.read(text, CaseFacts.class).dischargeAt())
                .filter(java.util.Objects::nonNull).filter(d -> !d.isAfter(at))
                .max(java.util.Comparator.comparing(OffsetDateTime::toInstant));
    }

    public Optional<PlanRow> find(UUID id) {
        return jdbc.sql("""
                select id, intake_id, patient_id, location, facts::text as facts, status, rule_set_version,
                       template_rules::text as template_rules, created_at, closed_at, reopen_reason, reopen_note, version
                from care_plan where id = :id
                """).param("id", id).query(mapper()).optional();
    }

    /** Locks the plan row for the rest of the transaction: closing and task writes on one plan go one at a time. */
    Optional<PlanRow> lock(UUID id) {
        return jdbc.sql("""
                select id, intake_id, patient_id, location, facts::text as facts, status, rule_set_version,
                       template_rules::text as template_rules, created_at, closed_at, reopen_reason, reopen_note, version
                from care_plan where id = :id for update
                """).param("id", id).query(mapper()).optional();
    }

    void close(UUID id, OffsetDateTime at) {
        jdbc.sql("update care_plan set status = 'CLOSED', closed_at = :at, version = version + 1 where id = :id")
                .param("id", id).param("at", at).update();
    }

    void reopen(UUID id, String reason, String note) {
        jdbc.sql("""
                update care_plan set status = 'OPEN', closed_at = null, reopen_reason = :reason, reopen_note = :note,
                                     version = version + 1
                where id = :id
                """).param("id", id).param("reason", reason).param("note", note).update();
    }

    public void updateFacts(UUID id, CaseFacts facts) {
        jdbc.sql("update care_plan set facts = cast(:facts as jsonb), version = version + 1 where id = :id")
                .param("id", id).param("facts", json.write(facts)).update();
    }

    private RowMapper<PlanRow> mapper() {
        return (rs, row) -> new PlanRow(rs.getObject("id", UUID.class), rs.getObject("intake_id", UUID.class),
                rs.getString("patient_id"), rs.getString("location"), json.read(rs.getString("facts"), CaseFacts.class),
                Status.valueOf(rs.getString("status")), rs.getInt("rule_set_version"),
                json.read(rs.getString("template_rules"), new com.fasterxml.jackson.core.type.TypeReference<List<DecisionResponse.TraceEntry>>() { }),
                zone.time(rs, "created_at"), zone.time(rs, "closed_at"),
                rs.getString("reopen_reason"), rs.getString("reopen_note"), rs.getInt("version"));
    }
}
