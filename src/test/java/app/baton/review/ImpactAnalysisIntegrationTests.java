package app.baton.review;

import app.baton.HttpJson;
import app.baton.PhiValues;
import app.baton.Requests;
import app.baton.WebIntegrationTest;
import app.baton.ruleset.RuleSets;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Impact analyses over HTTP: decisions recorded through the decision API, replayed against a candidate. */
class ImpactAnalysisIntegrationTests extends WebIntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    RuleSets ruleSets;
    @Autowired
    StaleAnalyses staleAnalyses;

    record Seeded(String decisionId, String taskId) {
    }

    @Test
    void reportsEachRoutingMoveWithExamplesAndLeavesOtherDecisionsUnchanged() {
        int candidate = new TestVersions(jdbc, ruleSets).withRoutingCell("G28", "NURSING");
        List<Seeded> moved = decide(3, "TCM_INTERACTIVE_CONTACT");
        decide(2, "TCM_FACE_TO_FACE");

        HttpJson.Response started = clinlead().post(analyses(candidate), "{\"lastDecisions\": 5}");

        assertThat(started.status()).as(started.text()).isEqualTo(202);
        assertThat(started.header("Location")).isEqualTo(analyses(candidate) + "/" + started.json().path("id").asText());
        assertThat(started.json().path("sample").path("lastDecisions").asInt()).isEqualTo(5);
        JsonNode analysis = awaitFinished(started.header("Location"));
        assertThat(analysis.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(analysis.path("progress").path("processed").asInt()).isEqualTo(5);
        assertThat(analysis.path("progress").path("total").asInt()).isEqualTo(5);
        assertThat(analysis.path("progress").path("percent").asInt()).isEqualTo(100);
        JsonNode report = analysis.path("report");
        assertThat(report.path("decisions").asInt()).isEqualTo(5);
        assertThat(report.path("replayed").asInt()).isEqualTo(5);
        assertThat(report.path("changed").asInt()).isEqualTo(3);
        assertThat(report.path("unchanged").asInt()).isEqualTo(2);
        assertThat(report.path("notReplayable").asInt()).isZero();
        assertThat(report.path("changedByKind").path("ROUTING_MOVED").asInt()).isEqualTo(3);
        assertThat(report.path("routingMoves")).hasSize(1);
        assertThat(report.path("routingMoves").get(0).path("from").asText()).isEqualTo("CARE_COORDINATION");
        assertThat(report.path("routingMoves").get(0).path("to").asText()).isEqualTo("NURSING");
        assertThat(report.path("routingMoves").get(0).path("count").asInt()).isEqualTo(3);
        JsonNode examples = report.path("examples").path("ROUTING_MOVED");
        assertThat(examples).hasSize(3);
        List<Seeded> shown = new ArrayList<>();
        examples.forEach(e -> shown.add(new Seeded(e.path("decisionId").asText(), e.path("taskId").asText())));
        assertThat(shown).containsExactlyInAnyOrderElementsOf(moved);
        assertThat(examples.get(0).path("before").asText()).isEqualTo("CARE_COORDINATION");
        assertThat(examples.get(0).path("after").asText()).isEqualTo("NURSING");
        assertThat(report.toString()).doesNotContain("pt-1001").doesNotContain("1EG4-TE5-MK72");
    }

    /**
     * The rule-authoring example (row 28 sends TCM interactive contacts to NURSING instead of CARE_COORDINATION): the
     * report counts the recorded decisions that would have gone elsewhere and, beside them, the open tasks that would move.
     */
    @Test
    void routingChangeCountsTheOpenTasksThatWouldMoveBesideTheDecisions() {
        int candidate = new TestVersions(jdbc, ruleSets).withRoutingCell("G28", "NURSING");
        String sourceId = UUID.randomUUID().toString();
        HttpJson.Response intake = http.post("/api/v1/intake/discharges", """
                {"sourceSystem": "EHR-ADT", "sourceId": "%s",
                 "patient": {"id": "pt-%s", "payer": "MEDICARE", "memberId": "%s", "language": "en", "location": "MAIN_CLINIC",
                             "consentOnFile": true},
                 "program": "TCM", "complexity": "HIGH", "dischargeAt": "2026-03-09T08:00:00-04:00"}
                """.formatted(sourceId, sourceId, PhiValues.MEMBER_ID));
        assertThat(intake.status()).as(intake.text()).isIn(200, 201);
        String planId = intake.json().path("planId").asText();
        Map<String, Object> contact = jdbc.sql("""
                select id, queue, routing_rule from task where plan_id = cast(:plan as uuid) and task_type = 'TCM_INTERACTIVE_CONTACT'
                """).param("plan", planId).query().singleRow();
        assertThat(contact.get("queue")).isEqualTo("CARE_COORDINATION");
        List<Seeded> moved = decide(2, "TCM_INTERACTIVE_CONTACT");

        HttpJson.Response started = clinlead().post(analyses(candidate), "{\"lastDecisions\": 2}");
        JsonNode analysis = awaitFinished(started.header("Location"));

        assertThat(analysis.path("status").asText()).as(analysis.toString()).isEqualTo("COMPLETED");
        JsonNode report = analysis.path("report");
        assertThat(report.path("changedByKind").path("ROUTING_MOVED").asInt()).as("the decisions' part is as before").isEqualTo(2);
        assertThat(report.path("examples").path("ROUTING_MOVED")).extracting(e -> e.path("decisionId").asText())
                .containsExactlyInAnyOrderElementsOf(moved.stream().map(Seeded::decisionId).toList());
        JsonNode open = report.path("openTasks");
        long openNow = jdbc.sql("select count(*) from task where status not in ('DONE', 'CANCELLED')").query(Long.class).single();
        long onRow28 = jdbc.sql("""
                select count(*) from task where status not in ('DONE', 'CANCELLED') and queue = 'CARE_COORDINATION'
                and routing_rule = :rule
                """).param("rule", contact.get("routing_rule")).query(Long.class).single();
        assertThat(open.path("evaluated").asLong()).as(open.toString()).isEqualTo(openNow);
        assertThat(analysis.path("progress").path("openTasksTotal").asLong()).isEqualTo(openNow);
        assertThat(analysis.path("progress").path("openTasksProcessed").asLong()).isEqualTo(openNow);
        assertThat(open.path("failed").asInt()).isZero();
        assertThat(open.path("changedByKind").path("ROUTING_MOVED").asLong()).as(open.toString()).isEqualTo(onRow28).isPositive();
        assertThat(open.path("routingMoves")).hasSize(1);
        assertThat(open.path("routingMoves").get(0).path("from").asText()).isEqualTo("CARE_COORDINATION");
        assertThat(open.path("routingMoves").get(0).path("to").asText()).isEqualTo("NURSING");
        JsonNode examples = open.path("examples").path("ROUTING_MOVED");
        assertThat(examples).hasSizeBetween(1, 5);
        examples.forEach(e -> {
            assertThat(e.path("before").asText()).isEqualTo("CARE_COORDINATION");
            assertThat(e.path("after").asText()).isEqualTo("NURSING");
            assertThat(jdbc.sql("select queue from task where id = cast(:id as uuid)").param("id", e.path("taskId").asText())
                    .query(String.class).single()).as("an example is a real open task, left as it was").isEqualTo("CARE_COORDINATION");
        });
        assertThat(jdbc.sql("select queue from task where id = :id").param("id", contact.get("id")).query(String.class).single())
                .isEqualTo("CARE_COORDINATION");
        assertThat(open.toString()).doesNotContain("pt-" + sourceId).doesNotContain(PhiValues.MEMBER_ID);
    }

    @Test
    void decisionsWhoseRecordLacksAnInputTheCandidateReadsAreNotReplayable() {
        // Routing row 20 (SATELLITE_CLINIC) is the only place the starter pack reads the patient's location.
        int withoutLocation = new TestVersions(jdbc, ruleSets).withoutRoutingRow(20);
        assertThat(ruleSets.compiled(withoutLocation).inputsRead()).as("the test needs a version that does not read the location")
                .doesNotContain("patient.location");
        List<Seeded> seeded = decide(2, "TCM_INTERACTIVE_CONTACT");
        // As version withoutLocation would have recorded them: the location it does not read is not kept.
        for (Seeded s : seeded) {
            jdbc.sql("""
                    insert into decision (id, request_sha256, rule_set_version, as_of, task_id, program, task_type, inputs,
                                          response, evaluation_micros)
                    select gen_random_uuid(), request_sha256, :version, as_of, task_id, program, task_type,
                           inputs #- '{patient,location}', response, evaluation_micros
                    from decision where id = :id
                    """).param("version", withoutLocation).param("id", UUID.fromString(s.decisionId())).update();
        }

        HttpJson.Response started = clinlead().post(analyses(1), "{\"lastDecisions\": 2}");
        JsonNode report = awaitFinished(started.header("Location")).path("report");

        assertThat(report.path("decisions").asInt()).isEqualTo(2);
        assertThat(report.path("notReplayable").asInt()).isEqualTo(2);
        assertThat(report.path("replayed").asInt()).isZero();
        assertThat(report.path("notReplayableFields").path("patient.location").asInt()).isEqualTo(2);
        assertThat(report.path("examples").path("NOT_REPLAYABLE").get(0).path("before").asText()).contains("patient.location");
    }

    @Test
    void lastDaysReplaysTheDecisionsRecordedInThoseDays() {
        decide(1, "TCM_FACE_TO_FACE");
        // task decisions only: a plan template's answer (each intake records one) is not replayed
        long recent = jdbc.sql("select count(*) from decision where recorded_at >= now() - interval '1 day' and subject = 'TASK'").query(Long.class).single();

        HttpJson.Response started = clinlead().post(analyses(1), "{\"lastDays\": 1}");
        JsonNode analysis = awaitFinished(started.header("Location"));

        assertThat(analysis.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(analysis.path("sample").path("lastDays").asInt()).isEqualTo(1);
        assertThat(analysis.path("progress").path("processed").asLong()).isEqualTo(recent);
        assertThat(analysis.path("report").path("decisions").asLong()).isEqualTo(recent);
    }

    @Test
    void versionReplayedOnItsOwnDecisionsChangesNothing() {
        String late = Requests.workedExample().replace("\"asOf\": \"2026-03-09T10:15:00-04:00\"", "\"asOf\": \"2026-03-20T16:00:00-04:00\"");
        String referral = Requests.workedExample().replace("\"TCM\"", "\"REFERRAL\"").replace("TCM_INTERACTIVE_CONTACT", "REFERRAL_INTAKE")
                .replace("\"memberId\": \"1EG4-TE5-MK72\",", "");
        List<JsonNode> decided = new ArrayList<>();
        for (String body : List.of(Requests.workedExample(), late, referral)) {
            HttpJson.Response response = http.post("/api/v1/decisions", body);
            assertThat(response.status()).as(response.text()).isEqualTo(200);
            decided.add(response.json());
        }
        assertThat(decided.get(1).path("escalations")).as("a late task, so that escalations are replayed too").isNotEmpty();
        assertThat(decided.get(2).path("missingInfo")).as("a referral without member ID, so that flags are replayed too").isNotEmpty();

        JsonNode report = awaitFinished(clinlead().post(analyses(1), "{\"lastDecisions\": 3}").header("Location")).path("report");

        assertThat(report.path("replayed").asInt()).isEqualTo(3);
        assertThat(report.path("unchanged").asInt()).as(report.toString()).isEqualTo(3);
    }

    @Test
    void runningAnalysisIsCancelledByAClinicalLeadAndAudited() {
        UUID id = runningElsewhere(1, 0);

        HttpJson.Response cancelled = clinlead().post(analyses(1) + "/" + id + "/cancel", null);

        assertThat(cancelled.status()).as(cancelled.text()).isEqualTo(200);
        assertThat(cancelled.json().path("status").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.json().path("cancelledBy").asText()).isEqualTo("clinlead");
        assertThat(jdbc.sql("select actor from audit_event where action = 'IMPACT_ANALYSIS_CANCELLED' and object_id = :id")
                .param("id", id.toString()).query(String.class).single()).isEqualTo("clinlead");
        HttpJson.Response again = clinlead().post(analyses(1) + "/" + id + "/cancel", null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("type").asText()).isEqualTo("urn:baton:problem:impact-analysis-not-running");
    }

    @Test
    void startIsAuditedAndListedForTheVersion() {
        HttpJson.Response started = clinlead().post(analyses(1), "{\"lastDecisions\": 1}");
        String id = started.json().path("id").asText();
        awaitFinished(started.header("Location"));

        HttpJson.Response list = http.asUser("compliance").get(analyses(1));

        assertThat(list.status()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        list.json().forEach(a -> ids.add(a.path("id").asText()));
        assertThat(ids).contains(id);
        assertThat(list.json().get(0).has("report")).isFalse();
        assertThat(jdbc.sql("select details->>'ruleSetVersion' from audit_event where action = 'IMPACT_ANALYSIS_STARTED' and object_id = :id")
                .param("id", id).query(String.class).single()).isEqualTo("1");
    }

    @Test
    void analysisWhoseInstanceStoppedIsMarkedFailedInsteadOfRunningForever() {
        UUID stale = runningElsewhere(1, 10);
        UUID alive = runningElsewhere(1, 0);

        staleAnalyses.sweep();

        JsonNode failed = clinlead().get(analyses(1) + "/" + stale).json();
        assertThat(failed.path("status").asText()).isEqualTo("FAILED");
        assertThat(failed.path("failure").asText()).startsWith("interrupted");
        assertThat(clinlead().get(analyses(1) + "/" + alive).json().path("status").asText()).isEqualTo("RUNNING");
    }

    @Test
    void sampleMustBeEitherLastDaysOrLastDecisions() {
        HttpJson.Response both = clinlead().post(analyses(1), "{\"lastDays\": 7, \"lastDecisions\": 100}");
        HttpJson.Response neither = clinlead().post(analyses(1), "{}");
        HttpJson.Response tooMany = clinlead().post(analyses(1), "{\"lastDecisions\": 1000001}");
        HttpJson.Response zero = clinlead().post(analyses(1), "{\"lastDays\": 0}");
        HttpJson.Response unknown = clinlead().post(analyses(1), "{\"lastWeeks\": 2}");

        assertThat(List.of(both, neither, tooMany, zero, unknown)).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
        });
        assertThat(fields(both)).containsExactly("lastDecisions");
        assertThat(fields(neither)).containsExactly("lastDays", "lastDecisions");
        assertThat(fields(tooMany)).containsExactly("lastDecisions");
        assertThat(fields(zero)).containsExactly("lastDays");
        assertThat(fields(unknown)).containsExactly("lastWeeks");
    }

    @Test
    void unknownVersionOrAnalysisIsNotFoundAndNothingIsStored() {
        long before = jdbc.sql("select count(*) from impact_analysis").query(Long.class).single();

        HttpJson.Response version = clinlead().post(analyses(99999), "{\"lastDays\": 7}");
        HttpJson.Response analysis = clinlead().get(analyses(1) + "/" + UUID.randomUUID());
        HttpJson.Response notAnId = clinlead().get(analyses(1) + "/not-an-id");

        assertThat(version.status()).isEqualTo(404);
        assertThat(version.json().path("type").asText()).isEqualTo("urn:baton:problem:rule-set-not-found");
        assertThat(analysis.status()).isEqualTo(404);
        assertThat(analysis.json().path("type").asText()).isEqualTo("urn:baton:problem:impact-analysis-not-found");
        assertThat(notAnId.status()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from impact_analysis").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void complianceReviewerReadsButDoesNotStartOrCancel() {
        UUID id = runningElsewhere(1, 0);
        HttpJson compliance = http.asUser("compliance");

        assertThat(compliance.post(analyses(1), "{\"lastDays\": 7}").status()).isEqualTo(403);
        assertThat(compliance.post(analyses(1) + "/" + id + "/cancel", null).status()).isEqualTo(403);
        assertThat(compliance.get(analyses(1) + "/" + id).status()).isEqualTo(200);
        assertThat(http.asUser("coordinator").get(analyses(1) + "/" + id).status()).isEqualTo(403);
    }

    private HttpJson clinlead() {
        return http.asUser("clinlead");
    }

    private static String analyses(int version) {
        return "/api/v1/rule-sets/" + version + "/impact-analyses";
    }

    private List<Seeded> decide(int count, String taskType) {
        List<Seeded> seeded = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String taskId = "t-impact-" + UUID.randomUUID();
            String body = Requests.workedExample().replace("TCM_INTERACTIVE_CONTACT", taskType).replace("\"t-3001\"", "\"" + taskId + "\"");
            HttpJson.Response decided = http.post("/api/v1/decisions", body);
            assertThat(decided.status()).as(decided.text()).isEqualTo(200);
            seeded.add(new Seeded(decided.json().path("decisionId").asText(), taskId));
        }
        return seeded;
    }

    /** An analysis as another instance would have left it: RUNNING, last heard of minutes ago. */
    private UUID runningElsewhere(int version, int minutesSinceHeartbeat) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into impact_analysis (id, rule_set_version, sample_kind, sample_size, sample_until, status, requested_by,
                                             heartbeat_at, total, processed)
                values (:id, :version, 'LAST_DAYS', 7, now(), 'RUNNING', 'clinlead2', now() - make_interval(mins => :minutes), 100, 40)
                """).param("id", id).param("version", version).param("minutes", minutesSinceHeartbeat).update();
        return id;
    }

    private JsonNode awaitFinished(String location) {
        for (int i = 0; i < 1200; i++) {
            JsonNode analysis = clinlead().get(location).json();
            if (!analysis.path("status").asText().equals("RUNNING")) {
                return analysis;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("the analysis at " + location + " did not finish");
    }

    private static List<String> fields(HttpJson.Response response) {
        List<String> fields = new ArrayList<>();
        response.json().path("errors").forEach(e -> fields.add(e.path("field").asText()));
        return fields;
    }
}
