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
        // The preview is the open-task part of an impact analysis of the active version: its counts are read from it.
        JsonNode report = preview.path("report");
        assertThat(report.path("evaluated").asInt()).isEqualTo(preview.path("openTasks").asInt())
                .isEqualTo(jdbc.sql("select count(*) from task where status not in ('DONE', 'CANCELLED') and location = 'MAIN_CLINIC'")
                        .query(Integer.class).single());
        JsonNode kinds = report.path("changedByKind");
        assertThat(preview.path("dueChanged").asInt()).isEqualTo(kinds.path("DUE_EARLIER").asInt() + kinds.path("DUE_LATER").asInt()
                + kinds.path("DUE_ADDED").asInt() + kinds.path("DUE_REMOVED").asInt());
        assertThat(kinds.path("DUE_EARLIER").asInt()).as("the task set 5 days late comes back earlier").isPositive();
        assertThat(preview.path("queueChanged").asInt()).isEqualTo(kinds.path("ROUTING_MOVED").asInt());
        assertThat(preview.path("unchanged").asInt()).isEqualTo(report.path("evaluated").asInt()
                - report.path("queueOrDueChanged").asInt() - report.path("failed").asInt());
        assertThat(http.asUser("coordinator").get("/api/v1/tasks/" + taskId).json().path("due").path("ruleSetVersion").asInt())
                .as("a preview changes nothing").isZero();

        JsonNode applied = http.asUser("clinlead").post("/api/v1/tracker/re-evaluations", "{\"preview\": false}").json();
        assertThat(applied.path("applied").asBoolean()).isTrue();
        assertThat(applied.has("report")).as("applying answers what it did, not a what-if").isFalse();
        JsonNode after = http.asUser("coordinator").get("/api/v1/tasks/" + taskId).json();
        assertThat(after.path("due").path("ruleSetVersion").asInt()).isEqualTo(applied.path("ruleSetVersion").asInt());
        assertThat(after.path("due").path("at").asText()).isEqualTo("2026-03-11T23:59:59-04:00");

        JsonNode again = http.asUser("clinlead").post("/api/v1/tracker/re-evaluations", "{}").json();
        assertThat(again.path("examples")).extracting(e -> e.path("taskId").asText()).doesNotContain(taskId);
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'TASKS_RE_EVALUATED'").query(Long.class).single())
                .isGreaterThanOrEqualTo(3);
    }
}
