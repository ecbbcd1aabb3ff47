package app.baton.careplan;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import app.baton.intake.Intake;

import app.baton.HttpJson;
import app.baton.WebIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input to the tracker is a 400 problem that names the field, never a 500, and stores nothing. */
class TrackerBadInputIntegrationTests extends WebIntegrationTest {

    @Test
    void eachBadInputNamesItsField() {
        String task = http.get("/api/v1/plans/" + http.post("/api/v1/intake/discharges",
                Intake.tcmDischarge(Intake.newId(), "MAIN_CLINIC")).json().path("planId").asText()).json().path("tasks").get(0).path("id").asText();
        HttpJson coordinator = http.asUser("coordinator");

        assertField(http.post("/api/v1/intake/discharges", "{\"sourceSystem\": \"EHR\", \"patient\": {\"id\": \"p\", \"location\": \"MAIN_CLINIC\"}}"), "sourceId");
        assertField(http.post("/api/v1/intake/discharges", Intake.tcmDischarge(Intake.newId(), "MAIN_CLINIC").replace("\"TCM\"", "\"CCM\"")), "program");
        assertField(http.post("/api/v1/intake/referrals", Intake.referralWithoutMemberId(Intake.newId()).replace("\"REFERRAL\"", "\"TCM\"")), "program");
        assertField(http.post("/api/v1/intake/referrals", Intake.referralWithoutMemberId(Intake.newId()).replace("\"knee pain\"", "\"knee pain\", \"shoeSize\": 9")), "shoeSize");
        assertField(coordinator.post("/api/v1/tasks/" + task + "/status", "{\"status\": \"SLEEPING\", \"version\": 0}"), "status");
        assertField(coordinator.post("/api/v1/tasks/" + task + "/status", "{\"status\": \"DONE\"}"), "version");
        assertField(coordinator.post("/api/v1/tasks/" + task + "/activities", "{\"kind\": \"CALL_ATTEMPT\"}"), "outcome");
        assertField(coordinator.post("/api/v1/tasks/" + task + "/activities", "{\"kind\": \"DOCUMENT\", \"documentRef\": \"ehr://doc/1\", \"sha256\": \"xyz\"}"), "sha256");
        assertField(coordinator.get("/api/v1/queues/CARE_COORDINATION/tasks?limit=500"), "limit");
        assertField(coordinator.get("/api/v1/queues/CARE_COORDINATION/tasks?stage=NAPPING"), "stage");
        assertField(coordinator.get("/api/v1/queues/CARE_COORDINATION/tasks?cursor=bm9wZQ"), "cursor");
        assertField(coordinator.get("/api/v1/my/tasks?scope=everyone"), "scope");
        HttpJson.Response unknownQueue = coordinator.get("/api/v1/queues/NOPE/tasks");
        assertField(unknownQueue, "queue");
        assertThat(unknownQueue.json().path("errors").get(0).path("message").asText()).contains("CARE_COORDINATION");
        assertThat(coordinator.get("/api/v1/tasks/not-a-uuid").status()).isEqualTo(404);
    }

    @Test
    void referralDetailsAreCheckedCodesAndADiagnosisCodeInTheIcd10CmShape() {
        String referral = Intake.referral(Intake.newId());

        HttpJson.Response prose = http.post("/api/v1/intake/referrals", referral.replace("\"M25.561\"", "\"knee pain\""));
        assertField(prose, "diagnosisCode");
        assertThat(prose.text()).doesNotContain("knee");
        assertField(http.post("/api/v1/intake/referrals", referral.replace("\"M25.561\"", "\"m25.561\"")), "diagnosisCode");
        assertField(http.post("/api/v1/intake/referrals", referral.replace("\"ORTHOPEDICS\"", "\"BONES\"")), "receivingSpecialty");
        assertField(http.post("/api/v1/intake/referrals", referral.replace("\"ROUTINE\"", "\"WHENEVER\"")), "referralUrgency");
        assertThat(http.post("/api/v1/intake/referrals", referral).status()).isEqualTo(201);
    }

    @Test
    void anEmergencyDepartmentVisitGetsNoTcmPlanAndTheAnswerSaysWhy() {
        String sourceId = Intake.newId();
        String edVisit = Intake.tcmDischarge(sourceId, "MAIN_CLINIC")
                .replace("\"program\": \"TCM\"", "\"dischargeSetting\": \"EMERGENCY_DEPARTMENT\", \"dischargeDestination\": \"HOME\", \"program\": \"TCM\"");

        HttpJson.Response refused = http.post("/api/v1/intake/discharges", edVisit);

        assertThat(refused.status()).as(refused.text()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().path("type").asText()).endsWith("not-eligible");
        assertThat(refused.json().path("detail").asText()).contains("An emergency department visit is not a TCM discharge")
                .contains("nothing else was stored");
        // the refusal itself is on record: a plan template decision, named in the problem
        Matcher named = Pattern.compile("recorded as decision ([0-9a-f-]{36})")
                .matcher(refused.json().path("detail").asText());
        assertThat(named.find()).as(refused.text()).isTrue();
        HttpJson.Response refusal = http.get("/api/v1/decisions/" + named.group(1));
        assertThat(refusal.status()).as(refusal.text()).isEqualTo(200);
        assertThat(refusal.json().path("subject").asText()).isEqualTo("PLAN_TEMPLATE");
        assertThat(refusal.json().path("askedBy").asText()).isEqualTo("INTAKE");
        assertThat(refusal.json().path("decision").path("planTemplate").path("eligible").asBoolean(true)).isFalse();
        assertField(http.post("/api/v1/intake/discharges", edVisit.replace("EMERGENCY_DEPARTMENT", "ER")), "dischargeSetting");
        HttpJson.Response inpatient = http.post("/api/v1/intake/discharges",
                Intake.tcmDischarge(Intake.newId(), "MAIN_CLINIC").replace("\"program\": \"TCM\"",
                        "\"dischargeSetting\": \"INPATIENT_REHABILITATION\", \"dischargeDestination\": \"ASSISTED_LIVING\", \"program\": \"TCM\""));
        assertThat(inpatient.status()).as(inpatient.text()).isEqualTo(201);
    }

    @Test
    void aDocumentReferenceIsAnIdentifierOrAUriNeverFreeText() {
        String task = http.get("/api/v1/plans/" + http.post("/api/v1/intake/discharges",
                Intake.tcmDischarge(Intake.newId(), "MAIN_CLINIC")).json().path("planId").asText()).json().path("tasks").get(0).path("id").asText();
        HttpJson coordinator = http.asUser("coordinator");
        String sha = "0".repeat(64);
        String diagnosis = "F32.1 major depressive disorder, single episode";

        for (String prose : new String[]{diagnosis, "see chart\\nMDD", " ehr://doc/1", "dépression"}) {
            HttpJson.Response refused = coordinator.post("/api/v1/tasks/" + task + "/activities",
                    "{\"kind\": \"DOCUMENT\", \"documentRef\": \"" + prose + "\", \"sha256\": \"" + sha + "\"}");
            assertField(refused, "documentRef");
            assertThat(refused.text()).doesNotContain("depressive").doesNotContain("MDD").doesNotContain("chart");
        }
        assertThat(http.asUser("nurse").get("/api/v1/tasks/" + task).json().path("activities")).isEmpty();

        for (String reference : new String[]{"ehr://documents/2026/778812?rev=2", "DOC-2026-000123", "urn:uuid:5f1c2a9e-7d1b-4c1e-9a3f-2b7e4d6c8a10"}) {
            HttpJson.Response stored = coordinator.post("/api/v1/tasks/" + task + "/activities",
                    "{\"kind\": \"DOCUMENT\", \"documentRef\": \"" + reference + "\", \"sha256\": \"" + sha + "\"}");
            assertThat(stored.status()).as(stored.text()).isEqualTo(201);
        }
    }

    private static void assertField(HttpJson.Response response, String field) {
        assertThat(response.status()).as(response.text()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("errors").get(0).path("field").asText()).isEqualTo(field);
    }
}
