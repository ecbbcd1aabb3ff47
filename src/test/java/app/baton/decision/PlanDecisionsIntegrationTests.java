package app.baton.decision;

import app.baton.HttpJson;
import app.baton.WebIntegrationTest;
import app.baton.engine.CompiledRules;
import app.baton.engine.model.CaseInput;
import app.baton.engine.model.DischargeDestination;
import app.baton.engine.model.DischargeSetting;
import app.baton.engine.model.Program;
import app.baton.engine.model.Stage;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A plan template's answer is a recorded decision like a task's: its version, the template rows that fired, the
 * minimized inputs (no task), what asked and who acted, audited, and readable at GET /api/v1/decisions/{id} with
 * {@code subject} PLAN_TEMPLATE; a task's decision reads as before. A refusal recorded apart survives the caller's
 * rollback (the intake's 422).
 */
class PlanDecisionsIntegrationTests extends WebIntegrationTest {

    private static final String TEMPLATE_ROW = "decision-tables/app/baton/engine/model/plan-template\\.drl\\.xlsx#.+!row \\d+";

    @Autowired
    PlanDecisions plans;
    @Autowired
    TaskDecisions decisions;
    @Autowired
    RecordedDecisions recorded;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    JdbcClient jdbc;

    private static CaseInput.Patient patient(String id) {
        return new CaseInput.Patient(id, "MEDICARE", "M-1", "en", "MAIN_CLINIC", true);
    }

    private static CaseInput.CarePlan discharge(DischargeSetting setting) {
        return new CaseInput.CarePlan("plan-" + UUID.randomUUID(), Program.TCM, Stage.COORDINATION, null,
                OffsetDateTime.parse("2026-11-30T10:00:00-05:00"), null, null, null, null, null, null, setting,
                DischargeDestination.HOME, null, null, null);
    }

    private JsonNode read(UUID id) {
        HttpJson.Response response = http.get("/api/v1/decisions/" + id);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    @Test
    void aRefusalRecordedApartIsADecisionWithItsTemplateRowAndNoTask() {
        String patient = "pt-plan-" + UUID.randomUUID();
        CompiledRules rules = decisions.current();

        PlanDecision refused = plans.decideApart(rules, patient(patient), discharge(DischargeSetting.EMERGENCY_DEPARTMENT), decisions.now(),
                AskedBy.INTAKE);

        assertThat(refused.notEligibleBecause()).startsWith("An emergency department visit is not");
        JsonNode read = read(refused.id());
        assertThat(read.path("subject").asText()).isEqualTo("PLAN_TEMPLATE");
        assertThat(read.path("askedBy").asText()).isEqualTo("INTAKE");
        assertThat(read.path("ruleSetVersion").asText()).isEqualTo(rules.version());
        JsonNode template = read.path("decision").path("planTemplate");
        assertThat(template.path("program").asText()).isEqualTo("TCM");
        assertThat(template.path("eligible").asBoolean(true)).isFalse();
        assertThat(template.path("notEligibleBecause").asText()).isEqualTo(refused.notEligibleBecause());
        assertThat(template.path("source").asText()).matches(TEMPLATE_ROW);
        assertThat(template.path("tasks").isEmpty()).isTrue();
        List<String> trace = new ArrayList<>();
        read.path("decision").path("trace").forEach(t -> trace.add(t.path("source").asText()));
        assertThat(trace).contains(template.path("source").asText());
        assertThat(read.path("decision").has("routing")).isFalse();
        assertThat(read.path("decision").path("missingInfo").isArray()).isTrue();
        // minimized inputs: the plan's facts the template reads, no task, no value of a presence-only field
        assertThat(read.path("inputs").has("task")).isFalse();
        assertThat(read.path("inputs").path("carePlan").path("dischargeSetting").asText()).isEqualTo("EMERGENCY_DEPARTMENT");
        assertThat(read.path("inputs").path("patient").path("id").asText()).isEqualTo(patient);
        assertThat(read.toString()).doesNotContain("M-1");
        var row = jdbc.sql("select task_id, task_type, program, subject from decision where id = :id").param("id", refused.id())
                .query((rs, n) -> new String[]{rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)}).single();
        assertThat(row).containsExactly(null, null, "TCM", "PLAN_TEMPLATE");
        assertThat(jdbc.sql("""
                        select count(*) from audit_event where object_type = 'decision' and object_id = :id and action = 'CREATE'
                        and patient_id = :patient""")
                .param("id", refused.id().toString()).param("patient", patient).query(Long.class).single())
                .as("recorded and audited like every decision").isEqualTo(1L);
    }

    @Test
    void aRefusalRecordedApartStaysWhenTheCallersTransactionRollsBack() {
        CompiledRules rules = decisions.current();
        UUID[] id = new UUID[1];

        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            id[0] = plans.decideApart(rules, patient("pt-" + UUID.randomUUID()), discharge(DischargeSetting.EMERGENCY_DEPARTMENT),
                    decisions.now(), AskedBy.INTAKE).id();
            throw new IllegalStateException("the intake answers 422 and rolls back");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(jdbc.sql("select count(*) from decision where id = :id").param("id", id[0]).query(Long.class).single()).isEqualTo(1L);
    }

    @Test
    void anEligiblePlanIsRecordedInTheCallersTransactionWithEachTaskAndItsRow() {
        CompiledRules rules = decisions.current();
        ZonedDateTime now = decisions.now();
        PlanDecision plan = plans.evaluate(rules, patient("pt-" + UUID.randomUUID()), discharge(DischargeSetting.INPATIENT_ACUTE), now,
                AskedBy.CDS_HOOKS);
        assertThat(plan.notEligibleBecause()).isNull();
        assertThat(jdbc.sql("select count(*) from decision where id = :id").param("id", plan.id()).query(Long.class).single())
                .as("evaluating stores nothing").isZero();

        transaction.executeWithoutResult(status -> plans.record(List.of(plan)));

        JsonNode template = read(plan.id()).path("decision").path("planTemplate");
        assertThat(template.path("eligible").asBoolean()).isTrue();
        assertThat(template.has("notEligibleBecause")).isFalse();
        List<String> types = new ArrayList<>();
        template.path("tasks").forEach(task -> {
            types.add(task.path("taskType").asText());
            assertThat(task.path("source").asText()).matches(TEMPLATE_ROW);
        });
        assertThat(types).containsExactly("TCM_INTERACTIVE_CONTACT", "TCM_FACE_TO_FACE", "MEDICATION_RECONCILIATION");
    }

    @Test
    void recordingOutsideATransactionIsRefused() {
        PlanDecision plan = plans.evaluate(decisions.current(), patient("pt-" + UUID.randomUUID()),
                discharge(DischargeSetting.INPATIENT_ACUTE), decisions.now(), AskedBy.CDS_HOOKS);

        assertThatThrownBy(() -> plans.record(List.of(plan))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aTaskDecisionReadsAsBeforeWithSubjectTask() throws Exception {
        String body = Files.readString(Path.of("src/test/bench/worked-example.json")).replaceFirst("\"requestId\": *\"[^\"]*\"",
                "\"requestId\": \"" + UUID.randomUUID() + "\"");
        HttpJson.Response decided = http.post("/api/v1/decisions", body);
        assertThat(decided.status()).as(decided.text()).isEqualTo(200);

        JsonNode read = read(UUID.fromString(decided.json().path("decisionId").asText()));

        assertThat(read.path("subject").asText()).isEqualTo("TASK");
        assertThat(read.path("decision").has("planTemplate")).isFalse();
        assertThat(read.path("inputs").path("task").path("id").asText()).isNotEmpty();
    }

    @Test
    void aTaskDecisionWithoutATaskIsRefusedByTheDatabase() {
        assertThatThrownBy(() -> jdbc.sql("""
                insert into decision (id, request_sha256, rule_set_version, as_of, program, inputs, response, evaluation_micros, asked_by)
                values (gen_random_uuid(), repeat('0', 64), 1, now(), 'TCM', '{}', '{}', 1, 'API')""").update())
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void replayForAnImpactAnalysisReadsOnlyTaskDecisions() {
        PlanDecision refused = plans.decideApart(decisions.current(), patient("pt-" + UUID.randomUUID()),
                discharge(DischargeSetting.EMERGENCY_DEPARTMENT), decisions.now(), AskedBy.INTAKE);
        OffsetDateTime at = jdbc.sql("select recorded_at from decision where id = :id").param("id", refused.id())
                .query(OffsetDateTime.class).single();
        RecordedDecisions.Window window = new RecordedDecisions.Window(at.minusSeconds(1), at.plusSeconds(1));

        List<UUID> replayed = new ArrayList<>();
        Optional<RecordedDecisions.Cursor> cursor = Optional.empty();
        List<ReplayRecord> page;
        do {
            page = recorded.page(window, cursor, 500);
            page.forEach(r -> replayed.add(r.decisionId()));
            cursor = page.isEmpty() ? cursor : Optional.of(RecordedDecisions.Cursor.after(page.get(page.size() - 1)));
        } while (!page.isEmpty());

        assertThat(replayed).doesNotContain(refused.id());
    }
}
