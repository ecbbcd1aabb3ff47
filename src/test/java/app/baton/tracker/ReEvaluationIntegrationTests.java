package app.baton.tracker;

import app.baton.WebIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Open tasks keep the due date the version that set it gave them; a re-evaluation previews what
 * the active version would change and then applies it, audited. The "older version" here is a
 * task whose stored due date and version differ from what the active version decides.
 */
class ReEvaluationIntegrationTests extends WebIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void previewCountsTheChangesApplyMakesThemAndBothAreAudited() {
        String planId = http.post("/api/v1/intake/discharges", Intake.tcmDischarge(Intake.newId(), "MAIN_CLINIC")).json().path("planId").asText();
        JsonNode task = http.get("/api/v1/plans/" + planId).json().path("tasks").get(0);
        String taskId = task.path("id").asText();
        jdbc.sql("update task set due_at = due_at + interval '5 days', due_rule_set_version = 0 where id = cast(:id as uuid)")
                .param("id", taskId).update();

        // A status change keeps a due date set by another version.
        JsonNode moved = http.asUser("coordinator").post("/api/v1/tasks/" + taskId + "/status",
                "{\"status\": \"IN_PROGRESS\", \"version\": " + task.path("version").asInt() + "}").json();
        assertThat(moved.path("due").path("ruleSetVersion").asInt()).isZero();

        JsonNode preview = http.asUser("clinlead").post("/api/v1/tracker/re-evaluations", "{\"preview\": true}").json();
        assertThat(preview.path("applied").asBoolean()).isFalse();
        assertThat(preview.path("dueChanged").asInt()).as(preview.toString()).isGreaterThanOrEqualTo(1);
        assertThat(preview.path("examples")).extracting(e -> e.path("taskId").asText()).contains(taskId);
        assertThat(http.asUser("coordinator").get("/api/v1/tasks/" + taskId).json().path("due").path("ruleSetVersion").asInt())
                .as("a preview changes nothing").isZero();

        JsonNode applied = http.asUser("clinlead").post("/api/v1/tracker/re-evaluations", "{\"preview\": false}").json();
        assertThat(applied.path("applied").asBoolean()).isTrue();
        JsonNode after = http.asUser("coordinator").get("/api/v1/tasks/" + taskId).json();
        assertThat(after.path("due").path("ruleSetVersion").asInt()).isEqualTo(applied.path("ruleSetVersion").asInt());
        assertThat(after.path("due").path("at").asText()).isEqualTo("2026-03-11T23:59:59-04:00");

        JsonNode again = http.asUser("clinlead").post("/api/v1/tracker/re-evaluations", "{}").json();
        assertThat(again.path("examples")).extracting(e -> e.path("taskId").asText()).doesNotContain(taskId);
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'TASKS_RE_EVALUATED'").query(Long.class).single())
                .isGreaterThanOrEqualTo(3);
    }
}
