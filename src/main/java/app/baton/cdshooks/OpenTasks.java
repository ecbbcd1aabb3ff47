package app.baton.cdshooks;

import app.baton.engine.model.CaseInput;
import app.baton.engine.model.Complexity;
import app.baton.engine.model.ItemKind;
import app.baton.engine.model.LineOfBusiness;
import app.baton.engine.model.Priority;
import app.baton.engine.model.Program;
import app.baton.engine.model.Stage;
import app.baton.engine.model.TaskStatus;
import app.baton.engine.model.TaskType;
import app.baton.security.Identity;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The open tasks of a patient's open care plans, read-only from the tracker's tables, at the locations the calling
 * EHR may see, earliest due first: what {@code patient-view} decides again. The plan's stored facts (the tracker's
 * minimized JSON: member ID and referral details only as "on file") give the rules what the EHR's resources do not.
 */
@Repository
class OpenTasks {

    static final int LIMIT = 20;
    private static final String ON_FILE = "on file";

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    OpenTasks(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** One open task, its case as the rules take it, and its stored due date. */
    record OpenTask(UUID id, UUID planId, String location, TaskType type, OffsetDateTime storedDueAt, CaseInput input) {
    }

    List<OpenTask> of(String patientId, Identity caller) {
        boolean everywhere = caller.locations().contains(Identity.ALL_LOCATIONS);
        return jdbc.sql("""
                        select t.id, t.plan_id, t.location, t.task_type, t.status, t.stage, t.priority, t.due_at, t.attempts,
                               t.submitted_at, t.created_at, t.status_since, p.program, p.facts
                        from task t join care_plan p on p.id = t.plan_id
                        where t.patient_id = :patientId and p.status = 'OPEN' and t.status not in ('DONE', 'CANCELLED')
                          and (:everywhere or t.location in (:locations))
                        order by t.due_at nulls last, t.priority_rank, t.id
                        limit :limit
                        """)
                .param("patientId", patientId).param("everywhere", everywhere)
                .param("locations", caller.locations().isEmpty() ? Set.of("") : caller.locations()).param("limit", LIMIT)
                .query((rs, n) -> row(rs, patientId)).list();
    }

    private OpenTask row(ResultSet rs, String patientId) throws SQLException {
        JsonNode facts = facts(rs.getString("facts"));
        UUID id = rs.getObject("id", UUID.class);
        UUID planId = rs.getObject("plan_id", UUID.class);
        TaskType type = TaskType.valueOf(rs.getString("task_type"));
        CaseInput.Patient patient = new CaseInput.Patient(patientId, text(facts, "payer"), onFile(facts, "memberIdOnFile"),
                text(facts, "language"), rs.getString("location"), bool(facts, "consentOnFile"),
                en(LineOfBusiness.class, text(facts, "lineOfBusiness")), bool(facts, "ccmConsentOnFile"));
        CaseInput.CarePlan plan = new CaseInput.CarePlan(planId.toString(), Program.valueOf(rs.getString("program")),
                Stage.valueOf(rs.getString("stage")), en(Complexity.class, text(facts, "complexity")), time(facts, "dischargeAt"),
                text(facts, "periodStart") == null ? null : LocalDate.parse(text(facts, "periodStart")),
                facts.path("minutesThisPeriod").isInt() ? facts.path("minutesThisPeriod").asInt() : null, time(facts, "faceToFaceAt"),
                onFile(facts, "referralReasonOnFile"), onFile(facts, "referringProviderOnFile"), en(ItemKind.class, text(facts, "itemKind")));
        CaseInput.Task task = new CaseInput.Task(id.toString(), type, TaskStatus.valueOf(rs.getString("status")),
                Priority.valueOf(rs.getString("priority")), rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("status_since", OffsetDateTime.class), rs.getInt("attempts"), rs.getObject("submitted_at", OffsetDateTime.class));
        return new OpenTask(id, planId, rs.getString("location"), type, rs.getObject("due_at", OffsetDateTime.class),
                new CaseInput(null, patient, plan, task));
    }

    private JsonNode facts(String stored) {
        try {
            return json.readTree(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a care plan's facts cannot be read", e);
        }
    }

    private static String text(JsonNode facts, String field) {
        JsonNode value = facts.path(field);
        return value.isTextual() ? value.asText() : null;
    }

    private static Boolean bool(JsonNode facts, String field) {
        JsonNode value = facts.path(field);
        return value.isBoolean() ? value.asBoolean() : null;
    }

    private static String onFile(JsonNode facts, String field) {
        return facts.path(field).asBoolean(false) ? ON_FILE : null;
    }

    private static OffsetDateTime time(JsonNode facts, String field) {
        String value = text(facts, field);
        return value == null ? null : OffsetDateTime.parse(value);
    }

    private static <E extends Enum<E>> E en(Class<E> type, String value) {
        return value == null ? null : Enum.valueOf(type, value);
    }
}
