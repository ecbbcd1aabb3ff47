package app.baton.careplan;

import app.baton.intake.Intake;

import app.baton.Requests;
import app.baton.WebIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ruleSetVersion} is one JSON type in every answer: a string, as in the decision API (docs/api.md). */
class RuleSetVersionTypeIntegrationTests extends WebIntegrationTest {

    @Test
    void decisionsIntakePlansAndTasksAllAnswerAString() {
        JsonNode decision = http.post("/api/v1/decisions", Requests.workedExample()).json();
        JsonNode intake = http.post("/api/v1/intake/discharges", Intake.tcmDischarge(Intake.newId(), "MAIN_CLINIC")).json();
        JsonNode plan = http.get("/api/v1/plans/" + intake.path("planId").asText()).json();
        JsonNode task = http.get("/api/v1/tasks/" + plan.path("tasks").get(0).path("id").asText()).json();

        assertThat(decision.path("ruleSetVersion").isTextual()).as(decision.toString()).isTrue();
        assertThat(intake.path("ruleSetVersion").isTextual()).as(intake.toString()).isTrue();
        assertThat(plan.path("ruleSetVersion").isTextual()).as(plan.toString()).isTrue();
        assertThat(plan.path("closure").path("ruleSetVersion").isTextual()).as(plan.toString()).isTrue();
        assertThat(task.path("ruleSetVersion").isTextual()).as(task.toString()).isTrue();
        assertThat(task.path("due").path("ruleSetVersion").isTextual()).as(task.toString()).isTrue();
        assertThat(intake.path("ruleSetVersion").asText()).isEqualTo(decision.path("ruleSetVersion").asText());
    }
}
