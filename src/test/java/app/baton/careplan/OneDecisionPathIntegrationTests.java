package app.baton.careplan;

import app.baton.escalation.EscalationSweep;
import app.baton.intake.Intake;

import app.baton.HttpJson;
import app.baton.TestClock;
import app.baton.WebIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.OffsetDateTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11's walk: a TCM discharge from intake through activities, an assignment, status changes, a sweep escalation,
 * a change of the plan's facts and closure. After every step the task's current queue, due date and prompt resolve to a
 * recorded decision (GET /api/v1/decisions/{id}) that names the table row (or the rule file's line, for the rules that
 * outrank the tables), asked by that step, and
 * GET /api/v1/decisions?taskId= lists the task's decisions newest first, a page at a time.
 */
class OneDecisionPathIntegrationTests extends WebIntegrationTest {

    @Autowired
    EscalationSweep sweep;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void realTime() {
        TestClock.reset();
    }

    @Test
    void everyStepOfADischargeIsARecordedDecisionTheTaskPointsAt() {
        TestClock.fix(Instant.parse("2026-03-09T14:00:00Z")); // Monday 10:00 in New York
        HttpJson coordinator = http.asUser("coordinator");
        HttpJson reviewer = http.asUser("compliance");
        HttpJson.Response intake = http.post("/api/v1/intake/discharges", Intake.tcmDischarge(Intake.newId(), "MAIN_CLINIC"));
        assertThat(intake.status()).as(intake.text()).isEqualTo(201);
        String planId = intake.json().path("planId").asText();
        JsonNode plan = coordinator.get("/api/v1/plans/" + planId).json();
        String contactId = taskOf(plan, "TCM_INTERACTIVE_CONTACT");
        String visitId = taskOf(plan, "TCM_FACE_TO_FACE");
        String medRecId = taskOf(plan, "MEDICATION_RECONCILIATION");
        List<String> contactDecisions = new ArrayList<>();

        // 1. Intake: each task of the plan was decided once, asked by INTAKE.
        contactDecisions.add(current(contactId, "INTAKE"));
        current(visitId, "INTAKE");
        current(medRecId, "INTAKE");

        // 2. An unsuccessful call: the prompt changes, by a decision asked by ACTIVITY.
        JsonNode afterCall = coordinator.post("/api/v1/tasks/" + contactId + "/activities",
                "{\"kind\": \"CALL_ATTEMPT\", \"outcome\": \"NO_ANSWER\"}").json();
        assertThat(afterCall.path("nextAction").path("code").asText()).isEqualTo("CALL_PATIENT_AGAIN");
        contactDecisions.add(current(contactId, "ACTIVITY"));

        // 3. A status change and an assignment, each its own decision.
        HttpJson.Response started = coordinator.post("/api/v1/tasks/" + contactId + "/status",
                "{\"status\": \"IN_PROGRESS\", \"version\": " + afterCall.path("version").asInt() + "}");
        assertThat(started.status()).as(started.text()).isEqualTo(200);
        contactDecisions.add(current(contactId, "STATUS_CHANGE"));
        HttpJson.Response owned = coordinator.post("/api/v1/tasks/" + contactId + "/owner",
                "{\"user\": \"COORDINATOR\", \"version\": " + started.json().path("version").asInt() + "}");
        assertThat(owned.status()).as(owned.text()).isEqualTo(200);
        assertThat(owned.json().path("owner").path("user").asText()).as("the stored spelling").isEqualTo("coordinator");
        contactDecisions.add(current(contactId, "ASSIGNMENT"));

        // 4. Thursday, overdue: the sweep's escalation is a recorded decision, named by the escalation's row. A second
        // sweep changes nothing anyone sees and stores no decision. The task's current decision is not the sweep's.
        TestClock.fix(Instant.parse("2026-03-12T13:00:00Z"));
        sweep.run();
        String sweepDecision = jdbc.sql("select decision_id::text from task_alert where task_id = cast(:task as uuid) and kind = 'ESCALATION' and level = 1")
                .param("task", contactId).query(String.class).single();
        assertThat(sweepDecision).isNotNull();
        JsonNode escalated = reviewer.get("/api/v1/decisions/" + sweepDecision).json();
        assertThat(escalated.path("askedBy").asText()).isEqualTo("SWEEP");
        assertThat(escalated.path("actor").asText()).isEqualTo("system");
        assertThat(escalated.path("decision").path("escalations").get(0).path("source").asText()).contains("escalation.drl.xlsx#");
        contactDecisions.add(sweepDecision);
        long stored = decisionsOf(contactId);
        sweep.run();
        assertThat(decisionsOf(contactId)).as("a sweep that raises nothing new stores nothing").isEqualTo(stored);
        assertThat(current(contactId, "ASSIGNMENT")).isEqualTo(contactDecisions.get(3));

        // 5. The patient is reached and the contact is done; the visit, schedulable from the start, keeps its own decision.
        JsonNode reached = coordinator.post("/api/v1/tasks/" + contactId + "/activities",
                "{\"kind\": \"CALL_ATTEMPT\", \"outcome\": \"REACHED\"}").json();
        contactDecisions.add(current(contactId, "ACTIVITY"));
        HttpJson.Response done = coordinator.post("/api/v1/tasks/" + contactId + "/status",
                "{\"status\": \"DONE\", \"version\": " + reached.path("version").asInt() + "}");
        assertThat(done.status()).as(done.text()).isEqualTo(200);
        contactDecisions.add(current(contactId, "STATUS_CHANGE"));
        current(visitId, "INTAKE");

        // 6. The visit is booked: the open tasks are decided again on the plan's new facts.
        HttpJson frontDesk = http.asUser("frontdesk");
        int planVersion = coordinator.get("/api/v1/plans/" + planId).json().path("version").asInt();
        assertThat(frontDesk.send("PATCH", "/api/v1/plans/" + planId,
                "{\"version\": " + planVersion + ", \"fields\": {\"faceToFaceAt\": \"2026-03-13T09:30:00-04:00\"}}").status()).isEqualTo(200);
        current(medRecId, "PLAN_FACTS");
        current(visitId, "PLAN_FACTS");

        // 7. The rest is done and the plan closes; each task still resolves to the decision of its last change.
        HttpJson nurse = http.asUser("nurse");
        int medRecVersion = nurse.get("/api/v1/tasks/" + medRecId).json().path("version").asInt();
        assertThat(nurse.post("/api/v1/tasks/" + medRecId + "/status", "{\"status\": \"DONE\", \"version\": " + medRecVersion + "}")
                .status()).isEqualTo(200);
        int visitVersion = frontDesk.get("/api/v1/tasks/" + visitId).json().path("version").asInt();
        assertThat(frontDesk.post("/api/v1/tasks/" + visitId + "/status", "{\"status\": \"DONE\", \"version\": " + visitVersion + "}")
                .status()).isEqualTo(200);
        HttpJson.Response closed = coordinator.post("/api/v1/plans/" + planId + "/closure", null);
        assertThat(closed.status()).as(closed.text()).isEqualTo(200);
        assertThat(current(contactId, "STATUS_CHANGE")).isEqualTo(contactDecisions.get(contactDecisions.size() - 1));
        current(medRecId, "STATUS_CHANGE");

        // 8. The contact's history, read by a coordinator of the patient's location, newest first, in pages of three:
        // every decision above, in the order they were made.
        List<String> listed = new ArrayList<>();
        List<String> askedBy = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = coordinator.get("/api/v1/decisions?taskId=" + contactId + "&limit=3" + (cursor == null ? "" : "&cursor=" + cursor)).json();
            page.path("decisions").forEach(d -> {
                listed.add(d.path("decisionId").asText());
                askedBy.add(d.path("askedBy").asText());
            });
            cursor = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(3);
        List<String> newestFirst = new ArrayList<>(contactDecisions);
        Collections.reverse(newestFirst);
        assertThat(listed).containsExactlyElementsOf(newestFirst);
        assertThat(askedBy).containsExactly("STATUS_CHANGE", "ACTIVITY", "SWEEP", "ASSIGNMENT", "STATUS_CHANGE", "ACTIVITY", "INTAKE");
        // Every decision listed is a read of patient data, audited like a single read.
        assertThat(jdbc.sql("select count(distinct object_id) from audit_event where category = 'DECISION' and action = 'READ' "
                        + "and object_id in (:ids)").param("ids", listed).query(Long.class).single()).isEqualTo(listed.size());
    }

    @Test
    void aTasksHistoryIsReadAsASingleDecisionIs() {
        String satelliteTask = firstTask(http.post("/api/v1/intake/discharges", Intake.tcmDischarge(Intake.newId(), "SATELLITE_CLINIC")));
        // Another location's task answers as if it had no decisions; the refused reads are audited.
        JsonNode refused = http.asUser("coordinator").get("/api/v1/decisions?taskId=" + satelliteTask).json();
        assertThat(refused.path("decisions")).isEmpty();
        assertThat(jdbc.sql("select count(*) from audit_event where category = 'DECISION' and outcome = 'DENIED' "
                + "and patient_id = (select patient_id from task where id = cast(:id as uuid))")
                .param("id", satelliteTask).query(Long.class).single()).isGreaterThanOrEqualTo(1);
        assertThat(http.asUser("leader").get("/api/v1/decisions?taskId=" + satelliteTask).json().path("decisions")).isNotEmpty();

        // Bad paging is a 400 naming the parameter, never repeating it.
        for (String[] bad : new String[][]{{"taskId=", "taskId"}, {"taskId=x&limit=0", "limit"}, {"taskId=x&cursor=zz9", "cursor"}}) {
            HttpJson.Response response = http.get("/api/v1/decisions?" + bad[0]);
            assertThat(response.status()).as(bad[0]).isEqualTo(400);
            assertThat(response.json().path("errors").get(0).path("field").asText()).isEqualTo(bad[1]);
            assertThat(response.text()).doesNotContain("zz9");
        }
    }

    /**
     * The task's queue and prompt resolve to its current decision, its due date to the decision that set it; both are
     * recorded, asked by {@code askedBy}, and name their table rows. Returns the current decision's id.
     */
    private String current(String taskId, String askedBy) {
        HttpJson reader = http.asUser("compliance");
        JsonNode task = http.asUser("leader").get("/api/v1/tasks/" + taskId).json();
        String decisionId = task.path("decisionId").asText();
        assertThat(decisionId).as("task %s points at a decision", taskId).isNotBlank();
        JsonNode recorded = reader.get("/api/v1/decisions/" + decisionId).json();
        assertThat(recorded.path("askedBy").asText()).isEqualTo(askedBy);
        assertThat(recorded.path("inputs").path("task").path("id").asText()).isEqualTo(taskId);
        JsonNode decision = recorded.path("decision");
        assertThat(decision.path("routing").path("queue").asText()).isEqualTo(task.path("owner").path("queue").asText());
        assertThat(decision.path("routing").path("source").asText()).containsPattern("routing\\.drl\\.xlsx#Routing!row \\d+");
        if (task.path("nextAction").isObject()) {
            assertThat(decision.path("nextBestActions").get(0).path("code").asText()).isEqualTo(task.path("nextAction").path("code").asText());
            assertThat(decision.path("nextBestActions").get(0).path("source").asText()).containsPattern("#NextBestAction!row \\d+");
        } else {
            // A closed task has no prompt: the decision gave none, and its trace names the rule that says so.
            assertThat(decision.path("nextBestActions")).isEmpty();
            assertThat(decision.path("trace")).extracting(t -> t.path("rule").asText()).contains("Closed task needs no next action");
        }
        JsonNode due = reader.get("/api/v1/decisions/" + task.path("due").path("decisionId").asText()).json().path("decision").path("sla");
        assertThat(OffsetDateTime.parse(due.path("dueAt").asText()).toInstant())
                .isEqualTo(OffsetDateTime.parse(task.path("due").path("at").asText()).toInstant());
        // The SLA table's row, or the rule that outranks it (reconciliation due by the booked visit: rules/.../sla.drl).
        assertThat(due.path("source").asText()).containsPattern("sla\\.drl(\\.xlsx#SLA!row|#line) \\d+");
        return decisionId;
    }

    private long decisionsOf(String taskId) {
        return jdbc.sql("select count(*) from decision where task_id = :id").param("id", taskId).query(Long.class).single();
    }

    private String firstTask(HttpJson.Response intake) {
        assertThat(intake.status()).as(intake.text()).isEqualTo(201);
        return jdbc.sql("select id::text from task where plan_id = cast(:plan as uuid) order by position limit 1")
                .param("plan", intake.json().path("planId").asText()).query(String.class).single();
    }

    private static String taskOf(JsonNode plan, String type) {
        for (JsonNode task : plan.path("tasks")) {
            if (task.path("taskType").asText().equals(type)) {
                return task.path("id").asText();
            }
        }
        throw new AssertionError("no " + type + " task in " + plan);
    }
}
