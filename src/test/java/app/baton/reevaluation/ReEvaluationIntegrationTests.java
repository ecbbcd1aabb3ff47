package app.baton.reevaluation;

import app.baton.intake.Intake;

import app.baton.WebIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Open tasks keep the due date the version that set it gave them; a re-evaluation previews what
 * the active version would change and then applies it, audited. The "older version" here is a
 * task whose stored due date and version differ from what the active version decides.
 */
class ReEvaluationIntegrationTests extends WebIntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ReEvaluationRuns runs;
    @Autowired
    ReEvaluationResumer resumer;
    @Autowired
    ReEvaluations reEvaluations;

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
        // examples are a sample of the changes; the suite's other tests leave open tasks behind in the shared database, so
        // this task is named only when every change fits in the sample (the apply below checks this task itself)
        if (preview.path("examples").size() >= preview.path("queueChanged").asInt() + preview.path("dueChanged").asInt()) {
            assertThat(preview.path("examples")).extracting(e -> e.path("taskId").asText()).contains(taskId);
        }
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
        assertThat(applied.path("run").asText()).as("the applied run, whose progress GET /api/v1/tracker/re-evaluations lists").isNotBlank();
        JsonNode after = http.asUser("coordinator").get("/api/v1/tasks/" + taskId).json();
        assertThat(after.path("due").path("ruleSetVersion").asInt()).isEqualTo(applied.path("ruleSetVersion").asInt());
        assertThat(after.path("due").path("at").asText()).isEqualTo("2026-03-11T23:59:59-04:00");

        JsonNode again = http.asUser("clinlead").post("/api/v1/tracker/re-evaluations", "{}").json();
        assertThat(again.path("examples")).extracting(e -> e.path("taskId").asText()).doesNotContain(taskId);
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'TASKS_RE_EVALUATED'").query(Long.class).single())
                .isGreaterThanOrEqualTo(3);
    }

    /**
     * A kill -9 half-way through applying: the pages committed before it stay applied, the page in flight rolled back.
     * The run, found stale, is finished from its stored cursor; no task is re-decided twice, and a second resume does nothing.
     */
    @Test
    void applyCutShortByACrashIsFinishedFromItsCursorAndNothingIsAppliedTwice() {
        String planId = http.post("/api/v1/intake/discharges", Intake.tcmDischarge(Intake.newId(), "MAIN_CLINIC")).json().path("planId").asText();
        jdbc.sql("update task set due_at = due_at + interval '5 days', due_rule_set_version = 0 where plan_id = cast(:plan as uuid) and due_at is not null")
                .param("plan", planId).update();
        List<UUID> ids = jdbc.sql("select id from task where plan_id = cast(:plan as uuid) and due_at is not null order by id")
                .param("plan", planId).query(UUID.class).list();
        assertThat(ids).hasSizeGreaterThan(1);
        // As the crashed instance left it: its first page ended at the plan's first task, then it died.
        UUID run = UUID.randomUUID();
        jdbc.sql("""
                insert into re_evaluation_run (id, rule_set_version, locations, requested_by, status, after_task, total, processed,
                                               heartbeat_at)
                values (:id, 1, 'MAIN_CLINIC', 'clinlead', 'RUNNING', :after, 1, 1, now() - interval '10 minutes')
                """).param("id", run).param("after", ids.get(0)).update();

        assertThat(runs.claimStale(ReEvaluationResumer.STALE_AFTER)).contains(run);
        resumer.resume(run);

        assertThat(reEvaluationsOf(ids.get(0))).as("before the cursor: applied before the crash, not again").isZero();
        ids.subList(1, ids.size()).forEach(id -> {
            assertThat(reEvaluationsOf(id)).as("after the cursor: applied once").isEqualTo(1);
            assertThat(jdbc.sql("select due_rule_set_version from task where id = :id").param("id", id).query(Integer.class).single())
                    .isNotZero();
        });
        assertThat(runs.find(run).orElseThrow().status()).isEqualTo("COMPLETED");
        assertThat(runs.find(run).orElseThrow().processed()).isGreaterThanOrEqualTo(ids.size());

        resumer.resume(run);
        ids.subList(1, ids.size()).forEach(id -> assertThat(reEvaluationsOf(id)).as("a completed run applies nothing more").isEqualTo(1));
        JsonNode listed = http.asUser("clinlead").get("/api/v1/tracker/re-evaluations").json();
        assertThat(listed).anySatisfy(r -> {
            assertThat(r.path("id").asText()).isEqualTo(run.toString());
            assertThat(r.path("status").asText()).isEqualTo("COMPLETED");
            assertThat(r.path("percent").asInt()).isEqualTo(100);
        });
    }

    /**
     * Two instances on one run: one took it over as stale while the other was only slow (a page held up for minutes), so
     * both apply from the same cursor. They race for each page; the one whose page the other committed first rolls it
     * back and leaves the run to the other, which finishes it. No page is lost and none is applied twice. (Before, the
     * loser completed the run on its way out, which stopped the winner after its page: every later page was lost.)
     */
    @Test
    void twoInstancesOnOneRunLoseNoPageAndApplyNoneTwice() {
        String location = "RACE_CLINIC_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String planId = http.post("/api/v1/intake/discharges", Intake.tcmDischarge(Intake.newId(), location)).json().path("planId").asText();
        // more than two pages of open tasks at a location of their own: copies of the plan's contact task, every one with a
        // due date the active version moves (as if an older version had set it)
        jdbc.sql("""
                insert into task
                select r.* from task t cross join generate_series(1, :copies) g,
                lateral jsonb_populate_record(null::task, to_jsonb(t) || jsonb_build_object('id', gen_random_uuid(), 'position', t.position + g)) r
                where t.plan_id = cast(:plan as uuid) and t.task_type = 'TCM_INTERACTIVE_CONTACT'
                """).param("plan", planId).param("copies", 2 * ReEvaluations.PAGE + 100).update();
        jdbc.sql("update task set due_at = due_at + interval '5 days', due_rule_set_version = 0 where location = :location and due_at is not null")
                .param("location", location).update();
        Map<UUID, Integer> versions = versionsAt(location);
        UUID run = UUID.randomUUID();
        jdbc.sql("""
                insert into re_evaluation_run (id, rule_set_version, locations, requested_by, status, total)
                values (:id, 1, :location, 'clinlead', 'RUNNING', :total)
                """).param("id", run).param("location", location).param("total", versions.size()).update();

        ExecutorService instances = Executors.newFixedThreadPool(2);
        try {
            CompletableFuture<Void> first = CompletableFuture.runAsync(() -> reEvaluations.finish(run, new ArrayList<>()), instances);
            CompletableFuture<Void> second = CompletableFuture.runAsync(() -> reEvaluations.finish(run, new ArrayList<>()), instances);
            CompletableFuture.allOf(first, second).join();

            ReEvaluationRuns.Run finished = runs.find(run).orElseThrow();
            assertThat(finished.status()).isEqualTo("COMPLETED");
            assertThat(finished.processed()).as("every open task counted once").isEqualTo(versions.size());
            assertThat(jdbc.sql("""
                    select count(*) from task t
                    where t.location = :location and t.status not in ('DONE', 'CANCELLED')
                      and (select count(*) from decision d where d.task_id = t.id::text and d.asked_by = 'RE_EVALUATION') <> 1
                    """).param("location", location).query(Long.class).single())
                    .as("open tasks without exactly one re-evaluation decision").isZero();
            Map<UUID, Integer> expected = new HashMap<>();
            versions.forEach((id, version) -> expected.put(id, version + 1));
            assertThat(versionsAt(location)).as("every task changed exactly once").isEqualTo(expected);
        } finally {
            instances.shutdown();
            // the copies leave no open work behind for the suite's other tests
            jdbc.sql("update task set status = 'CANCELLED' where location = :location").param("location", location).update();
        }
    }

    private Map<UUID, Integer> versionsAt(String location) {
        Map<UUID, Integer> versions = new HashMap<>();
        jdbc.sql("select id, version from task where location = :location and status not in ('DONE', 'CANCELLED')")
                .param("location", location).query((rs, row) -> Map.entry(rs.getObject(1, UUID.class), rs.getInt(2))).list()
                .forEach(e -> versions.put(e.getKey(), e.getValue()));
        return versions;
    }

    private long reEvaluationsOf(UUID taskId) {
        return jdbc.sql("select count(*) from decision where task_id = :id and asked_by = 'RE_EVALUATION'")
                .param("id", taskId.toString()).query(Long.class).single();
    }
}
