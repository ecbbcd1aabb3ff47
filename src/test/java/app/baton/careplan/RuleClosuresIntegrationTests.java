package app.baton.careplan;

import app.baton.intake.Intake;

import app.baton.HttpJson;
import app.baton.PhiValues;
import app.baton.TestClock;
import app.baton.WebIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12's second edition, through the tracker: the plan template's new "not eligible" rows answer the intake,
 * and the next-best-action rows that close a task are applied as recorded decisions and audited status changes.
 */
class RuleClosuresIntegrationTests extends WebIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void realTime() {
        TestClock.reset();
    }

    @Test
    void anFuhVisitWithinSevenDaysClosesBothFollowUpsAsDoneWithRecordedDecisions() {
        TestClock.fix(Instant.parse("2026-06-17T20:00:00Z")); // Wednesday 16:00 in New York, day 5
        String sourceId = Intake.newId();
        HttpJson.Response intake = http.post("/api/v1/intake/discharges", """
                {"sourceSystem": "EHR-ADT", "sourceId": "%s",
                 "patient": {"id": "pt-%s", "payer": "MEDICAID", "memberId": "%s", "language": "en", "location": "MAIN_CLINIC",
                             "birthDate": "1990-01-01"},
                 "program": "FUH", "dischargeAt": "2026-06-12T15:00:00-04:00", "dischargeSetting": "INPATIENT_PSYCHIATRIC"}
                """.formatted(sourceId, sourceId, PhiValues.MEMBER_ID));
        assertThat(intake.status()).as(intake.text()).isEqualTo(201);
        String planId = intake.json().path("planId").asText();
        HttpJson leader = http.asUser("leader");
        JsonNode plan = leader.get("/api/v1/plans/" + planId).json();
        String sevenDay = task(plan, "FUH_FOLLOW_UP_7D").path("id").asText();
        String thirtyDay = task(plan, "FUH_FOLLOW_UP_30D").path("id").asText();
        assertThat(task(plan, "FUH_FOLLOW_UP_30D").path("status").asText()).isEqualTo("READY");

        HttpJson.Response visited = http.asUser("frontdesk").send("PATCH", "/api/v1/plans/" + planId,
                "{\"version\": " + plan.path("version").asInt() + ", \"fields\": {\"visitDoneAt\": \"2026-06-17T11:00:00-04:00\"}}");
        assertThat(visited.status()).as(visited.text()).isEqualTo(200);

        for (String id : List.of(sevenDay, thirtyDay)) {
            JsonNode task = leader.get("/api/v1/tasks/" + id).json();
            assertThat(task.path("status").asText()).as(task.toString()).isEqualTo("DONE");
            assertThat(task.path("nextAction").path("code").asText()).isEqualTo("FUH_VISIT_DONE");
            assertThat(task.path("nextAction").path("closesTaskAs").asText()).isEqualTo("DONE");
            List<String> closing = new ArrayList<>();
            for (JsonNode decision : leader.get("/api/v1/decisions?taskId=" + id).json().path("decisions")) {
                decision.path("decision").path("nextBestActions").forEach(a -> closing.add(a.path("closesTaskAs").asText()));
            }
            assertThat(closing).as("the decision that closed the task is recorded").contains("DONE");
            assertThat(jdbc.sql("""
                    select count(*) from audit_event where category = 'TASK' and action = 'UPDATE' and object_id = :id
                       and details ->> 'to' = 'DONE'""").param("id", id).query(Long.class).single())
                    .as("the closure is audited as a status change").isEqualTo(1L);
        }
        HttpJson.Response closed = http.asUser("coordinator").post("/api/v1/plans/" + planId + "/closure", null);
        assertThat(closed.status()).as("the 30-day follow-up is met, nothing is left open: " + closed.text()).isEqualTo(200);
    }

    @Test
    void aDeathRecordedOnATcmPlanCancelsItsOpenTasks() {
        TestClock.fix(Instant.parse("2026-03-13T19:00:00Z"));
        String sourceId = Intake.newId();
        HttpJson.Response intake = http.post("/api/v1/intake/discharges", Intake.tcmDischarge(sourceId, "MAIN_CLINIC"));
        assertThat(intake.status()).as(intake.text()).isEqualTo(201);
        String planId = intake.json().path("planId").asText();
        HttpJson leader = http.asUser("leader");
        int version = leader.get("/api/v1/plans/" + planId).json().path("version").asInt();

        HttpJson.Response died = http.asUser("frontdesk").send("PATCH", "/api/v1/plans/" + planId,
                "{\"version\": " + version + ", \"fields\": {\"deceasedAt\": \"2026-03-13T06:30:00-04:00\"}}");
        assertThat(died.status()).as(died.text()).isEqualTo(200);

        JsonNode plan = leader.get("/api/v1/plans/" + planId).json();
        assertThat(plan.path("tasks")).hasSize(3);
        for (JsonNode task : plan.path("tasks")) {
            assertThat(task.path("status").asText()).as(task.toString()).isEqualTo("CANCELLED");
        }
        JsonNode contact = leader.get("/api/v1/tasks/" + task(plan, "TCM_INTERACTIVE_CONTACT").path("id").asText()).json();
        assertThat(contact.path("nextAction").path("code").asText()).isEqualTo("STOP_TCM_DECEASED");
        assertThat(contact.path("nextAction").path("prompt").asText()).contains("E/M");
    }

    @Test
    void aSecondTcmDischargeWithinThirtyDaysOfTheFirstMakesNoPlanAndSaysWhy() {
        TestClock.fix(Instant.parse("2026-03-20T14:00:00Z"));
        String first = Intake.newId();
        assertThat(http.post("/api/v1/intake/discharges", Intake.tcmDischarge(first, "MAIN_CLINIC")).status()).isEqualTo(201);

        // The same patient (pt-<first>) discharged again on Friday 20 March, 11 days after Monday 9 March.
        String again = Intake.tcmDischarge(Intake.newId(), "MAIN_CLINIC")
                .replaceFirst("\"id\": \"pt-[^\"]+\"", "\"id\": \"pt-" + first + "\"")
                .replace("2026-03-09T08:00:00-04:00", "2026-03-20T08:00:00-04:00");
        HttpJson.Response second = http.post("/api/v1/intake/discharges", again);
        assertThat(second.status()).as(second.text()).isEqualTo(422);
        assertThat(second.json().path("type").asText()).isEqualTo("urn:baton:problem:not-eligible");
        assertThat(second.json().path("detail").asText()).contains("once per patient in 30 days");
    }

    @Test
    void aCcmReferralWithFewerThanTwoChronicConditionsMakesNoPlanAndAnUnknownCountIsRefusedByName() {
        String body = """
                {"sourceSystem": "REFERRALS", "sourceId": "%s",
                 "patient": {"id": "pt-ccm", "payer": "MEDICARE", "memberId": "%s", "language": "en", "location": "MAIN_CLINIC",
                             "ccmConsentOnFile": true},
                 "program": "CCM", "periodStart": "2026-03-01", "chronicConditions": %s}
                """;
        HttpJson.Response one = http.post("/api/v1/intake/referrals", body.formatted(Intake.newId(), PhiValues.MEMBER_ID, "1"));
        assertThat(one.status()).as(one.text()).isEqualTo(422);
        assertThat(one.json().path("detail").asText()).contains("Fewer than two chronic conditions");

        HttpJson.Response negative = http.post("/api/v1/intake/referrals", body.formatted(Intake.newId(), PhiValues.MEMBER_ID, "-1"));
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.text()).contains("chronicConditions");

        HttpJson.Response two = http.post("/api/v1/intake/referrals", body.formatted(Intake.newId(), PhiValues.MEMBER_ID, "2"));
        assertThat(two.status()).as(two.text()).isIn(200, 201);
    }

    @Test
    void closingTheMonthsCcmReviewMakesNextMonthsAndARevokedConsentStopsCcm() {
        TestClock.fix(Instant.parse("2026-03-25T14:00:00Z")); // Wednesday 25 March, 10:00 in New York
        HttpJson.Response intake = http.post("/api/v1/intake/referrals", """
                {"sourceSystem": "REFERRALS", "sourceId": "%s",
                 "patient": {"id": "pt-ccm-month", "payer": "MEDICARE", "memberId": "%s", "language": "en", "location": "MAIN_CLINIC",
                             "ccmConsentOnFile": true},
                 "program": "CCM", "periodStart": "2026-03-01", "chronicConditions": 3}
                """.formatted(Intake.newId(), PhiValues.MEMBER_ID));
        assertThat(intake.status()).as(intake.text()).isEqualTo(201);
        String planId = intake.json().path("planId").asText();
        HttpJson coordinator = http.asUser("coordinator");
        JsonNode plan = coordinator.get("/api/v1/plans/" + planId).json();
        JsonNode consent = task(plan, "CCM_CONSENT");
        assertThat(coordinator.post("/api/v1/tasks/" + consent.path("id").asText() + "/status",
                "{\"status\": \"DONE\", \"version\": " + consent.path("version").asInt() + "}").status()).isEqualTo(200);
        JsonNode march = coordinator.get("/api/v1/tasks/" + task(plan, "CCM_MONTHLY_REVIEW").path("id").asText()).json();
        assertThat(march.path("due").path("at").asText()).isEqualTo("2026-03-31T23:59:59-04:00");

        HttpJson.Response done = coordinator.post("/api/v1/tasks/" + march.path("id").asText() + "/status",
                "{\"status\": \"DONE\", \"version\": " + march.path("version").asInt() + "}");
        assertThat(done.status()).as(done.text()).isEqualTo(200);

        List<JsonNode> reviews = new ArrayList<>();
        coordinator.get("/api/v1/plans/" + planId).json().path("tasks").forEach(t -> {
            if (t.path("taskType").asText().equals("CCM_MONTHLY_REVIEW")) {
                reviews.add(t);
            }
        });
        assertThat(reviews).as("March's review and April's").hasSize(2);
        JsonNode april = reviews.stream().filter(t -> t.path("status").asText().equals("READY")).findFirst().orElseThrow();
        JsonNode aprilRead = coordinator.get("/api/v1/tasks/" + april.path("id").asText()).json();
        assertThat(aprilRead.path("due").path("at").asText()).isEqualTo("2026-04-30T23:59:59-04:00");
        assertThat(jdbc.sql("select count(*) from decision where task_id = :id").param("id", april.path("id").asText())
                .query(Long.class).single()).as("April's task was decided and recorded").isPositive();

        // The patient stops CCM: April's review is cancelled by the rules, and no May task follows.
        int version = coordinator.get("/api/v1/plans/" + planId).json().path("version").asInt();
        HttpJson.Response revoked = http.asUser("frontdesk").send("PATCH", "/api/v1/plans/" + planId,
                "{\"version\": " + version + ", \"fields\": {\"ccmConsentRevokedAt\": \"2026-03-25T09:00:00-04:00\"}}");
        assertThat(revoked.status()).as(revoked.text()).isEqualTo(200);
        JsonNode after = coordinator.get("/api/v1/plans/" + planId).json();
        assertThat(after.path("tasks")).hasSize(3);
        JsonNode stopped = coordinator.get("/api/v1/tasks/" + april.path("id").asText()).json();
        assertThat(stopped.path("status").asText()).isEqualTo("CANCELLED");
        assertThat(stopped.path("nextAction").path("code").asText()).isEqualTo("STOP_CCM_CONSENT_REVOKED");
    }

    private static JsonNode task(JsonNode plan, String type) {
        for (JsonNode task : plan.path("tasks")) {
            if (task.path("taskType").asText().equals(type)) {
                return task;
            }
        }
        throw new AssertionError("no " + type + " task in " + plan);
    }
}
