package app.baton.security;

import app.baton.HttpJson;
import app.baton.WebIntegrationTest;
import app.baton.Requests;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Object-level access: staff see their own locations' patients; another location's decision is a
 * 404; breaking the glass opens one patient for a while and is flagged for compliance review.
 */
class PatientAccessIntegrationTests extends WebIntegrationTest {

    private String decisionFor(String patientId, String location) {
        String body = Requests.workedExample().replace("\"pt-1001\"", "\"" + patientId + "\"")
                .replace("\"MAIN_CLINIC\"", "\"" + location + "\"");
        HttpJson.Response decided = http.post("/api/v1/decisions", body);
        assertThat(decided.status()).isEqualTo(200);
        return decided.json().path("decisionId").asText();
    }

    @Test
    void staffReadDecisionsOfTheirOwnLocation() {
        String id = decisionFor("pt-" + UUID.randomUUID(), "MAIN_CLINIC");

        assertThat(http.asUser("nurse").get("/api/v1/decisions/" + id).status()).isEqualTo(200);
    }

    @Test
    void anotherLocationsDecisionAnswersAsIfItDidNotExist() {
        String id = decisionFor("pt-" + UUID.randomUUID(), "NORTH_CLINIC");

        HttpJson.Response response = http.asUser("nurse").get("/api/v1/decisions/" + id);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().path("type").asText()).isEqualTo("urn:baton:problem:decision-not-found");
    }

    @Test
    void breakingTheGlassOpensOnePatientAndIsFlaggedForReview() {
        String patient = "pt-" + UUID.randomUUID();
        String id = decisionFor(patient, "NORTH_CLINIC");
        String other = decisionFor("pt-" + UUID.randomUUID(), "NORTH_CLINIC");
        HttpJson nurse = http.asUser("nurse");

        HttpJson.Response granted = nurse.post("/api/v1/break-glass",
                "{\"patientId\": \"" + patient + "\", \"reason\": \"Patient in the ED, covering for the north clinic\"}");

        assertThat(granted.status()).isEqualTo(201);
        assertThat(granted.json().path("expiresAt").asText()).isNotBlank();
        assertThat(nurse.get("/api/v1/decisions/" + id).status()).isEqualTo(200);
        assertThat(nurse.get("/api/v1/decisions/" + other).status()).isEqualTo(404);

        JsonNode report = http.asUser("compliance").get("/api/v1/audit/break-glass?patientId=" + patient).json();
        assertThat(report.path("events").findValuesAsText("action")).contains("BREAK_GLASS", "READ");
        assertThat(report.path("events").findValuesAsText("actor")).containsOnly("nurse");
        JsonNode grant = report.path("events").findParents("action").stream()
                .filter(event -> event.path("action").asText().equals("BREAK_GLASS")).findFirst().orElseThrow();
        assertThat(grant.path("details").path("reason").asText()).isEqualTo("Patient in the ED, covering for the north clinic");
    }

    @Test
    void breakingTheGlassNeedsOnePatientsIdNotAWildcard() {
        for (String patientId : new String[] {"*", "%", "pt-%", "pt 1", "pt-1*"}) {
            HttpJson.Response refused = http.asUser("nurse").post("/api/v1/break-glass",
                    "{\"patientId\": \"" + patientId + "\", \"reason\": \"Patient in the ED, covering for the north clinic\"}");

            assertThat(refused.status()).as(patientId).isEqualTo(400);
            assertThat(refused.json().path("errors").get(0).path("field").asText()).isEqualTo("patientId");
            assertThat(refused.text()).doesNotContain("pt-%").doesNotContain("pt 1");
        }
    }

    @Test
    void aLocationScopedReviewerFindsNoAuditEntryOfAnotherLocationsPatient() {
        String north = "pt-" + UUID.randomUUID();
        String main = "pt-" + UUID.randomUUID();
        decisionFor(north, "NORTH_CLINIC");
        decisionFor(main, "MAIN_CLINIC");
        http.asUser("nurse").post("/api/v1/break-glass",
                "{\"patientId\": \"" + north + "\", \"reason\": \"Patient in the ED, covering for the north clinic\"}");
        HttpJson reviewer = scopedReviewer("MAIN_CLINIC");

        assertThat(reviewer.get("/api/v1/audit/events?patientId=" + north).json().path("events")).isEmpty();
        assertThat(reviewer.get("/api/v1/audit/events?patientId=" + main).json().path("events")).isNotEmpty();
        assertThat(reviewer.get("/api/v1/audit/events?size=500").text()).doesNotContain(north).contains(main);
        assertThat(reviewer.get("/api/v1/audit/break-glass?size=500").text()).doesNotContain(north);
        assertThat(reviewer.get("/api/v1/audit/events.csv").text()).doesNotContain(north).contains(main);
        // the organisation-wide reviewer sees both
        assertThat(http.asUser("compliance").get("/api/v1/audit/events?patientId=" + north).json().path("events")).isNotEmpty();
        assertThat(http.asUser("compliance").get("/api/v1/audit/break-glass?patientId=" + north).json().path("events")).isNotEmpty();
    }

    /** A compliance reviewer who sees only these locations' patients. */
    private HttpJson scopedReviewer(String location) {
        String name = "reviewer-" + UUID.randomUUID().toString().substring(0, 8);
        HttpJson.Response created = http.asUser("admin").post("/api/v1/users", """
                {"username": "%s", "password": "correct horse battery", "roles": ["COMPLIANCE_REVIEWER"], "locations": ["%s"]}"""
                .formatted(name, location));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return http.asUser(name, "correct horse battery");
    }

    @Test
    void breakingTheGlassNeedsAReason() {
        HttpJson.Response refused = http.asUser("nurse").post("/api/v1/break-glass",
                "{\"patientId\": \"pt-1\", \"reason\": \"because\"}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("errors").get(0).path("field").asText()).isEqualTo("reason");
    }

    @Test
    void frontDeskCannotBreakTheGlass() {
        HttpJson.Response refused = http.asUser("frontdesk").post("/api/v1/break-glass",
                "{\"patientId\": \"pt-1\", \"reason\": \"I would like to look at this chart\"}");

        assertThat(refused.status()).isEqualTo(403);
    }
}
