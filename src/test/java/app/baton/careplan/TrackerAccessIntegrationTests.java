package app.baton.careplan;

import app.baton.intake.Intake;

import app.baton.HttpJson;
import app.baton.WebIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Object-level access on every tracker endpoint that takes an id: staff of the main clinic get a
 * 404 for a satellite clinic's plan, task or intake (no probing by id), the refusal is audited,
 * and staff of every location get through. Queues list only the caller's locations.
 */
class TrackerAccessIntegrationTests extends WebIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    String intakeId;
    String planId;
    String taskId;

    @BeforeEach
    void satellitePlan() {
        JsonNode intake = http.post("/api/v1/intake/discharges", Intake.tcmDischarge(Intake.newId(), "SATELLITE_CLINIC")).json();
        intakeId = intake.path("id").asText();
        planId = intake.path("planId").asText();
        taskId = http.get("/api/v1/plans/" + planId).json().path("tasks").get(0).path("id").asText();
    }

    @Test
    void anotherLocationsPlanTaskAndIntakeAreNotFoundOnEveryEndpoint() {
        HttpJson coordinator = http.asUser("coordinator");
        List<String> wrong = new ArrayList<>();
        String[][] calls = {
                {"GET", "/api/v1/intake/" + intakeId, null},
                {"POST", "/api/v1/intake/" + intakeId + "/fields", "{}"},
                {"GET", "/api/v1/plans/" + planId, null},
                {"PATCH", "/api/v1/plans/" + planId, "{\"version\": 0, \"fields\": {}}"},
                {"POST", "/api/v1/plans/" + planId + "/closure", null},
                {"POST", "/api/v1/plans/" + planId + "/reopening", "{\"reason\": \"OTHER\"}"},
                {"GET", "/api/v1/tasks/" + taskId, null},
                {"POST", "/api/v1/tasks/" + taskId + "/status", "{\"status\": \"IN_PROGRESS\", \"version\": 0}"},
                {"POST", "/api/v1/tasks/" + taskId + "/owner", "{\"user\": \"coordinator\", \"version\": 0}"},
                {"POST", "/api/v1/tasks/" + taskId + "/activities", "{\"kind\": \"CALL_ATTEMPT\", \"outcome\": \"NO_ANSWER\"}"}};
        for (String[] call : calls) {
            HttpJson.Response response = coordinator.send(call[0], call[1], call[2]);
            if (response.status() != 404 || !response.json().path("type").asText().equals("urn:baton:problem:not-found")) {
                wrong.add(call[0] + " " + call[1] + ": " + response.status());
            }
        }

        assertThat(wrong).isEmpty();
        assertThat(http.asUser("coordinator").get("/api/v1/tasks/" + taskId).status()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from audit_event where object_id = :id and outcome = 'DENIED'").param("id", taskId)
                .query(Long.class).single()).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.sql("select count(*) from task where id = cast(:id as uuid) and version = 0").param("id", taskId)
                .query(Long.class).single()).as("nothing was changed").isEqualTo(1);
    }

    @Test
    void staffOfEveryLocationSeeItAndTheReadIsAudited() {
        assertThat(http.asUser("leader").get("/api/v1/plans/" + planId).status()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from audit_event where object_id = :id and action = 'READ' and outcome = 'SUCCESS'")
                .param("id", planId).query(Long.class).single()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void queuesListOnlyTheCallersLocations() {
        JsonNode page = http.asUser("coordinator").get("/api/v1/queues/CARE_COORDINATION/tasks?limit=100").json();
        for (JsonNode item : page.path("tasks")) {
            assertThat(item.path("id").asText()).isNotEqualTo(taskId);
            assertThat(item.path("location").asText()).isEqualTo("MAIN_CLINIC");
        }
        String everywhere = "coordinator-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        assertThat(http.asUser("admin").post("/api/v1/users", """
                {"username": "%s", "password": "correct horse battery", "roles": ["CARE_COORDINATOR"], "locations": ["*"]}"""
                .formatted(everywhere)).status()).isEqualTo(201);
        assertThat(http.asUser(everywhere, "correct horse battery")
                .get("/api/v1/queues/CARE_COORDINATION/tasks?location=SATELLITE_CLINIC&limit=100").json()
                .path("tasks")).extracting(item -> item.path("id").asText()).contains(taskId);
    }
}
