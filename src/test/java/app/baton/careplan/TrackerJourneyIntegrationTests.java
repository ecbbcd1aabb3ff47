package app.baton.careplan;

import app.baton.escalation.EscalationSweep;
import app.baton.intake.Intake;
import app.baton.intake.LoopbackReceiver;

import app.baton.HttpJson;
import app.baton.PhiValues;
import app.baton.TestClock;
import app.baton.WebIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 5's walk, on real PostgreSQL over HTTP: a TCM discharge through intake, plan creation,
 * tasks in their queues, failed and successful call attempts with the prompt changing, the contact
 * going overdue as the clock moves and escalated by the sweep (its webhook received), the
 * face-to-face and medication reconciliation, closure with the checklist, the lock, and the
 * completion webhook received by a test server on the loopback address, its signature checked.
 * docs/tracker.md shows the same calls.
 */
class TrackerJourneyIntegrationTests extends WebIntegrationTest {

    @Autowired
    EscalationSweep sweep;
    @Autowired
    JdbcClient jdbc;

    final LoopbackReceiver receiver = new LoopbackReceiver();
    String webhookId;

    @AfterEach
    void realTime() {
        TestClock.reset();
        if (webhookId != null) {
            http.asUser("admin").delete("/api/v1/webhooks/" + webhookId);
        }
        receiver.close();
    }

    @Test
    void tcmDischargeFromIntakeToClosedAndLockedPlan() {
        TestClock.fix(Instant.parse("2026-03-09T14:00:00Z")); // Monday 10:00 in New York
        HttpJson coordinator = http.asUser("coordinator");
        HttpJson frontDesk = http.asUser("frontdesk");
        HttpJson nurse = http.asUser("nurse");
        String sourceId = Intake.newId();

        // 0. An integrator's system subscribes to escalations and completions (an administrator registers it).
        HttpJson.Response hook = http.asUser("admin").post("/api/v1/webhooks",
                "{\"url\": \"" + receiver.url() + "\", \"kinds\": [\"ESCALATION\", \"COMPLETION\"]}");
        assertThat(hook.status()).as(hook.text()).isEqualTo(201);
        webhookId = hook.json().path("id").asText();
        String secret = hook.json().path("secret").asText();

        // 1. The EHR sends the discharge; it is complete, so the plan exists at once.
        HttpJson.Response intake = http.post("/api/v1/intake/discharges", Intake.tcmDischarge(sourceId, "MAIN_CLINIC"));
        assertThat(intake.status()).as(intake.text()).isEqualTo(201);
        assertThat(intake.header("Idempotent-Replayed")).isEqualTo("false");
        assertThat(intake.json().path("status").asText()).isEqualTo("RELEASED");
        String planId = intake.json().path("planId").asText();

        // The same event again is the same intake and plan; the same id with another body is refused.
        HttpJson.Response again = http.post("/api/v1/intake/discharges", Intake.tcmDischarge(sourceId, "MAIN_CLINIC"));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.json().path("planId").asText()).isEqualTo(planId);
        HttpJson.Response reused = http.post("/api/v1/intake/discharges", Intake.tcmDischarge(sourceId, "SATELLITE_CLINIC"));
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.json().path("errors").get(0).path("field").asText()).isEqualTo("sourceId");

        // 2. The template made three tasks, each routed and dated by the tables.
        JsonNode plan = coordinator.get("/api/v1/plans/" + planId).json();
        assertThat(plan.path("templateRules")).extracting(rule -> rule.path("rule").asText())
                .containsExactly("PlanTemplate_15", "PlanTemplate_16", "PlanTemplate_17");
        JsonNode contact = task(plan, "TCM_INTERACTIVE_CONTACT");
        JsonNode visit = task(plan, "TCM_FACE_TO_FACE");
        JsonNode medRec = task(plan, "MEDICATION_RECONCILIATION");
        assertThat(contact.path("status").asText()).isEqualTo("READY");
        // The visit is schedulable from the start: it does not wait for the contact (its clock runs from discharge).
        assertThat(visit.path("status").asText()).isEqualTo("READY");
        assertThat(visit.path("prerequisiteId").isNull() || visit.path("prerequisiteId").isMissingNode()).isTrue();
        assertThat(medRec.path("queue").asText()).isEqualTo("NURSING");
        String contactId = contact.path("id").asText();

        // 3. The contact waits in care coordination, due 2 business days after discharge, with its prompt.
        JsonNode queued = find(coordinator.get("/api/v1/queues/CARE_COORDINATION/tasks?program=TCM&limit=100").json(), contactId);
        assertThat(queued.path("dueAt").asText()).isEqualTo("2026-03-11T23:59:59-04:00");
        assertThat(queued.path("nextAction").asText()).isEqualTo("CALL_PATIENT");
        assertThat(queued.path("overdue").asBoolean()).isFalse();
        JsonNode read = coordinator.get("/api/v1/tasks/" + contactId).json();
        assertThat(read.path("due").path("source").asText()).isEqualTo("decision-tables/app/baton/engine/model/sla.drl.xlsx#SLA!row 11");
        assertThat(read.path("owner").path("source").asText()).isEqualTo("decision-tables/app/baton/engine/model/routing.drl.xlsx#Routing!row 28");

        // 4. A call that does not reach the patient: the prompt becomes a second attempt.
        JsonNode afterNoAnswer = coordinator.post("/api/v1/tasks/" + contactId + "/activities",
                "{\"kind\": \"CALL_ATTEMPT\", \"outcome\": \"NO_ANSWER\"}").json();
        assertThat(afterNoAnswer.path("attempts").asInt()).isEqualTo(1);
        assertThat(afterNoAnswer.path("nextAction").path("code").asText()).isEqualTo("CALL_PATIENT_AGAIN");
        assertThat(afterNoAnswer.path("nextAction").path("source").asText()).endsWith("next-best-action.drl.xlsx#NextBestAction!row 27");

        // 5. Thursday morning, the contact is overdue: first in the overdue filter.
        TestClock.fix(Instant.parse("2026-03-12T13:00:00Z"));
        JsonNode overdue = find(coordinator.get("/api/v1/queues/CARE_COORDINATION/tasks?overdue=true&limit=100").json(), contactId);
        assertThat(overdue.path("overdue").asBoolean()).isTrue();

        // The escalation sweep (a recurring db-scheduler task; run here at the moved clock) raises level 1
        // to the care coordination lead, once: a second sweep raises nothing.
        sweep.run();
        sweep.run();
        assertThat(jdbc.sql("select kind || ' ' || level || ' ' || recipient from task_alert where task_id = cast(:task as uuid) and kind = 'ESCALATION'")
                .param("task", contactId).query(String.class).list()).containsExactly("ESCALATION 1 CARE_COORDINATION_LEAD");
        await().atMost(Duration.ofSeconds(30)).until(() -> !receiver.received("ESCALATION", "\"taskId\":\"" + contactId + "\"").isEmpty());
        LoopbackReceiver.Received escalation = receiver.received("ESCALATION", "\"taskId\":\"" + contactId + "\"").get(0);
        assertThat(escalation.signedWith(secret)).isTrue();
        assertThat(escalation.body()).contains("\"queue\":\"CARE_COORDINATION_LEAD\"", "\"level\":\"1\"");
        assertThat(escalation.body()).doesNotContain("pt-" + sourceId);

        // 6. The patient is reached; a stale version is refused, the right one moves the task on.
        JsonNode reached = coordinator.post("/api/v1/tasks/" + contactId + "/activities",
                "{\"kind\": \"CALL_ATTEMPT\", \"outcome\": \"REACHED\"}").json();
        assertThat(reached.path("attempts").asInt()).isEqualTo(1);
        HttpJson.Response stale = coordinator.post("/api/v1/tasks/" + contactId + "/status", "{\"status\": \"DONE\", \"version\": 0}");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().path("type").asText()).isEqualTo("urn:baton:problem:stale-version");
        HttpJson.Response done = coordinator.post("/api/v1/tasks/" + contactId + "/status",
                "{\"status\": \"DONE\", \"version\": " + reached.path("version").asInt() + "}");
        assertThat(done.status()).as(done.text()).isEqualTo(200);
        assertThat(done.json().path("allowedTransitions")).isEmpty();
        HttpJson.Response illegal = coordinator.post("/api/v1/tasks/" + contactId + "/status",
                "{\"status\": \"READY\", \"version\": " + done.json().path("version").asInt() + "}");
        assertThat(illegal.status()).isEqualTo(409);
        assertThat(illegal.json().path("detail").asText()).contains("allowed: none");

        // 7. The face-to-face visit is with scheduling, with its prompt.
        JsonNode visitNow = frontDesk.get("/api/v1/tasks/" + visit.path("id").asText()).json();
        assertThat(visitNow.path("status").asText()).isEqualTo("READY");
        assertThat(visitNow.path("owner").path("queue").asText()).isEqualTo("SCHEDULING");
        assertThat(visitNow.path("nextAction").path("code").asText()).isEqualTo("SCHEDULE_VISIT");

        // 8. Not closable yet: the checklist names what is missing.
        HttpJson.Response early = coordinator.post("/api/v1/plans/" + planId + "/closure", null);
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().path("errors")).extracting(e -> e.path("field").asText())
                .contains("DONE TCM_FACE_TO_FACE", "DONE MEDICATION_RECONCILIATION");

        // 9. The visit is booked for Friday; medication reconciliation is now due by the end of that day.
        int planVersion = coordinator.get("/api/v1/plans/" + planId).json().path("version").asInt();
        HttpJson.Response booked = frontDesk.send("PATCH", "/api/v1/plans/" + planId,
                "{\"version\": " + planVersion + ", \"fields\": {\"faceToFaceAt\": \"2026-03-13T09:30:00-04:00\"}}");
        assertThat(booked.status()).as(booked.text()).isEqualTo(200);
        JsonNode medRecNow = nurse.get("/api/v1/tasks/" + medRec.path("id").asText()).json();
        assertThat(medRecNow.path("due").path("at").asText()).isEqualTo("2026-03-13T23:59:59-04:00");

        // 10. The nurse reconciles (with a note only clinical roles read); the visit takes place.
        JsonNode noted = nurse.post("/api/v1/tasks/" + medRec.path("id").asText() + "/activities",
                "{\"kind\": \"NOTE\", \"text\": \"" + PhiValues.NOTE + "\"}").json();
        assertThat(noted.path("activities").get(0).path("text").asText()).isEqualTo(PhiValues.NOTE);
        assertThat(http.asUser("billing").get("/api/v1/tasks/" + medRec.path("id").asText()).json().path("withheld"))
                .extracting(JsonNode::asText).contains("activities.text");
        assertThat(nurse.post("/api/v1/tasks/" + medRec.path("id").asText() + "/status",
                "{\"status\": \"DONE\", \"version\": " + noted.path("version").asInt() + "}").status()).isEqualTo(200);
        int visitVersion = frontDesk.get("/api/v1/tasks/" + visit.path("id").asText()).json().path("version").asInt();
        assertThat(visitVersion).as("booking the visit decided the open tasks again").isGreaterThan(visitNow.path("version").asInt());
        assertThat(frontDesk.post("/api/v1/tasks/" + visit.path("id").asText() + "/status",
                "{\"status\": \"DONE\", \"version\": " + visitVersion + "}").status()).isEqualTo(200);

        // 11. The checklist holds: the plan closes and is locked.
        HttpJson.Response closed = coordinator.post("/api/v1/plans/" + planId + "/closure", null);
        assertThat(closed.status()).as(closed.text()).isEqualTo(200);
        assertThat(closed.json().path("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.json().path("closure").path("met").asBoolean()).isTrue();
        HttpJson.Response locked = coordinator.post("/api/v1/tasks/" + contactId + "/activities", "{\"kind\": \"NOTE\", \"text\": \"late\"}");
        assertThat(locked.status()).isEqualTo(409);
        assertThat(locked.json().path("type").asText()).isEqualTo("urn:baton:problem:plan-closed");

        // The completion reaches the subscriber's server, signed, with ids and codes only.
        String planField = "\"planId\":\"" + planId + "\"";
        await().atMost(Duration.ofSeconds(30)).until(() -> !receiver.received("COMPLETION", planField, "\"scope\":\"PLAN\"").isEmpty());
        LoopbackReceiver.Received completion = receiver.received("COMPLETION", planField, "\"scope\":\"PLAN\"").get(0);
        assertThat(completion.signedWith(secret)).isTrue();
        assertThat(completion.body()).contains("\"program\":\"TCM\"").doesNotContain("pt-" + sourceId);
        assertThat(receiver.received("ESCALATION", "\"taskId\":\"" + contactId + "\"")).as("the escalation was sent once").hasSize(1);

        // 12. Reopening is explicit, with a reason.
        HttpJson.Response reopened = coordinator.post("/api/v1/plans/" + planId + "/reopening", "{\"reason\": \"READMISSION\"}");
        assertThat(reopened.status()).as(reopened.text()).isEqualTo(200);
        assertThat(reopened.json().path("locked").asBoolean()).isFalse();
    }

    @Test
    void incompleteReferralIsHeldWithATaskForWhoeverCanFixItAndReleasedByItsFields() {
        HttpJson frontDesk = http.asUser("frontdesk");
        // taken on the phone: REFERRALS is the test key's source system, reserved to it
        HttpJson.Response held = frontDesk.post("/api/v1/intake/referrals",
                Intake.referralWithoutMemberId(Intake.newId()).replace("\"REFERRALS\"", "\"PHONE\""));
        assertThat(held.status()).as(held.text()).isEqualTo(201);
        assertThat(held.json().path("status").asText()).isEqualTo("HELD");
        assertThat(held.json().path("missingInfo")).extracting(m -> m.path("field").asText()).containsExactly("patient.memberId");
        assertThat(held.json().path("missingInfo").get(0).path("source").asText())
                .isEqualTo("decision-tables/app/baton/engine/model/missing-info.drl.xlsx#MissingInfo!row 13");
        String heldTask = held.json().path("heldTaskId").asText();
        JsonNode task = frontDesk.get("/api/v1/tasks/" + heldTask).json();
        assertThat(task.path("status").asText()).isEqualTo("BLOCKED_MISSING_INFO");
        assertThat(task.path("owner").path("queue").asText()).isEqualTo("FRONT_DESK");
        assertThat(task.path("nextAction").path("code").asText()).isEqualTo("COLLECT_MISSING_INFO");

        HttpJson.Response released = frontDesk.post("/api/v1/intake/" + held.json().path("id").asText() + "/fields",
                "{\"memberId\": \"" + PhiValues.MEMBER_ID + "\"}");
        assertThat(released.status()).as(released.text()).isEqualTo(200);
        assertThat(released.json().path("status").asText()).isEqualTo("RELEASED");
        JsonNode plan = frontDesk.get("/api/v1/plans/" + released.json().path("planId").asText()).json();
        assertThat(plan.path("tasks")).extracting(t -> t.path("taskType").asText()).containsExactly("REFERRAL_INTAKE", "REFERRAL_SCHEDULING");
        assertThat(frontDesk.get("/api/v1/tasks/" + heldTask).json().path("status").asText()).isEqualTo("DONE");
    }

    @Test
    void dischargeWithoutMemberIdOrLanguageBuildsItsPlanAtOnceAndFlagsTheFieldsForTheFrontDesk() {
        TestClock.fix(Instant.parse("2026-03-09T14:00:00Z")); // Monday 10:00 in New York, the day of the discharge
        HttpJson frontDesk = http.asUser("frontdesk");
        // sent by the EHR's feed (its source system is reserved to the feed's API key); the front desk completes it
        HttpJson.Response intake = http.post("/api/v1/intake/discharges", Intake.tcmDischargeWithoutMemberIdOrLanguage(Intake.newId()));
        assertThat(intake.status()).as(intake.text()).isEqualTo(201);
        assertThat(intake.json().path("status").asText()).isEqualTo("RELEASED");
        assertThat(intake.json().path("missingInfo")).extracting(m -> m.path("field").asText())
                .containsExactlyInAnyOrder("patient.memberId", "patient.language");
        JsonNode plan = frontDesk.get("/api/v1/plans/" + intake.json().path("planId").asText()).json();
        assertThat(plan.path("tasks")).extracting(t -> t.path("taskType").asText() + " " + t.path("status").asText())
                .containsExactly("TCM_INTERACTIVE_CONTACT READY", "TCM_FACE_TO_FACE READY", "MEDICATION_RECONCILIATION READY");
        String flagId = intake.json().path("heldTaskId").asText();
        JsonNode flag = frontDesk.get("/api/v1/tasks/" + flagId).json();
        assertThat(flag.path("taskType").asText()).isEqualTo("COMPLETE_INTAKE");
        assertThat(flag.path("status").asText()).isEqualTo("BLOCKED_MISSING_INFO");
        assertThat(flag.path("owner").path("queue").asText()).isEqualTo("FRONT_DESK");
        assertThat(flag.path("nextAction").path("code").asText()).isEqualTo("COLLECT_MISSING_INFO");

        HttpJson.Response completed = frontDesk.post("/api/v1/intake/" + intake.json().path("id").asText() + "/fields",
                "{\"memberId\": \"" + PhiValues.MEMBER_ID + "\", \"language\": \"es\"}");
        assertThat(completed.status()).as(completed.text()).isEqualTo(200);
        assertThat(completed.json().path("missingInfo")).isEmpty();
        assertThat(frontDesk.get("/api/v1/tasks/" + flagId).json().path("status").asText()).isEqualTo("DONE");
        JsonNode medRec = task(frontDesk.get("/api/v1/plans/" + intake.json().path("planId").asText()).json(), "MEDICATION_RECONCILIATION");
        assertThat(medRec.path("queue").asText()).as("the plan's facts took the completed language").isEqualTo("BILINGUAL_NURSING");
    }

    private static JsonNode task(JsonNode plan, String type) {
        for (JsonNode task : plan.path("tasks")) {
            if (task.path("taskType").asText().equals(type)) {
                return task;
            }
        }
        throw new AssertionError("no " + type + " task in " + plan);
    }

    private static JsonNode find(JsonNode page, String taskId) {
        List<String> ids = new ArrayList<>();
        for (JsonNode item : page.path("tasks")) {
            ids.add(item.path("id").asText());
            if (item.path("id").asText().equals(taskId)) {
                return item;
            }
        }
        throw new AssertionError("task " + taskId + " not on the page " + ids);
    }

}
