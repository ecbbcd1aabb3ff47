package app.baton.reevaluation;

import app.baton.intake.Intake;

import app.baton.HttpJson;
import app.baton.WebIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;

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
    @Autowired
    DataSource dataSource;

    /**
     * Applying answers 202 at once with the run and does not wait for it: here a task of the run is locked by another
     * transaction, so the run cannot get past its page, and the answer still comes (before, the request applied every
     * page and hung on the lock). The run is read at its Location meanwhile, RUNNING, and completes once the lock goes.
     */
    @Test
    void applyingAnswersTheRunAtOnceAndAppliesItInTheBackground() throws Exception {
        String planId = http.post("/api/v1/intake/discharges", Intake.tcmDischarge(Intake.newId(), "MAIN_CLINIC")).json().path("planId").asText();
        String taskId = jdbc.sql("select id::text from task where plan_id = cast(:plan as uuid) and due_at is not null order by position limit 1")
                .param("plan", planId).query(String.class).single();
        jdbc.sql("update task set due_at = due_at + interval '5 days', due_rule_set_version = 0 where id = cast(:id as uuid)")
                .param("id", taskId).update();
        ExecutorService client = Executors.newSingleThreadExecutor();
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("select 1 from task where id = cast(? as uuid) for update")) {
                lock.setString(1, taskId);
                lock.executeQuery().close();
            }
            HttpJson.Response started;
            try {
                started = client.submit(() -> http.asUser("clinlead").post("/api/v1/tracker/re-evaluations", "{\"preview\": false}"))
                        .get(60, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                throw new AssertionError("applying held the request until every page was applied", e);
            }
            assertThat(started.status()).as(started.text()).isEqualTo(202);
            assertThat(started.json().path("status").asText()).isEqualTo("RUNNING");
            assertThat(started.json().path("total").asLong()).isPositive();
            JsonNode running = http.asUser("clinlead").get(started.header("Location")).json();
            assertThat(running.path("status").asText()).as("held up by the lock, the run is still at work").isEqualTo("RUNNING");
            assertThat(running.path("processed").asLong()).isLessThan(running.path("total").asLong());
            assertThat(jdbc.sql("select due_rule_set_version from task where id = cast(:id as uuid)").param("id", taskId)
                    .query(Integer.class).single()).isZero();
            holder.rollback();
        } finally {
            client.shutdownNow();
        }
        JsonNode run = completed("/api/v1/tracker/re-evaluations/" + http.asUser("clinlead").get("/api/v1/tracker/re-evaluations").json()
                .get(0).path("id").asText());
        assertThat(run.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(jdbc.sql("select due_rule_set_version from task where id = cast(:id as uuid)").param("id", taskId)
                .query(Integer.class).single()).isEqualTo(run.path("ruleSetVersion").asInt());
    }

    /**
     * A page that fails (here a plan whose stored facts cannot be read) stops the run as FAILED, saying so, with nothing of
     * that page applied; the resumer leaves a FAILED run alone instead of taking it over again and again.
     */
    @Test
    void aRunWhosePageFailsStopsAsFailed() {
        String location = "FAIL_CLINIC_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String planId = http.post("/api/v1/intake/discharges", Intake.tcmDischarge(Intake.newId(), location)).json().path("planId").asText();
        String facts = jdbc.sql("select facts::text from care_plan where id = cast(:plan as uuid)").param("plan", planId).query(String.class).single();
        jdbc.sql("update care_plan set facts = cast('{\"program\": \"NOT_A_PROGRAM\"}' as jsonb) where id = cast(:plan as uuid)")
                .param("plan", planId).update();
        UUID run = UUID.randomUUID();
        jdbc.sql("""
                insert into re_evaluation_run (id, rule_set_version, locations, requested_by, status, total, heartbeat_at)
                values (:id, 1, :location, 'clinlead', 'RUNNING', 3, now() - interval '10 minutes')
                """).param("id", run).param("location", location).update();
        try {
            assertThat(runs.claimStale(ReEvaluationResumer.STALE_AFTER)).contains(run);
            resumer.resume(run);

            ReEvaluationRuns.Run failed = runs.find(run).orElseThrow();
            assertThat(failed.status()).isEqualTo("FAILED");
            assertThat(failed.failure()).contains(run.toString());
            assertThat(failed.processed()).isZero();
            assertThat(failed.finishedAt()).isNotNull();
            assertThat(jdbc.sql("select count(*) from decision d join task t on d.task_id = t.id::text "
                    + "where t.location = :location and d.asked_by = 'RE_EVALUATION'").param("location", location).query(Long.class).single())
                    .as("nothing of the failed page applied").isZero();
            jdbc.sql("update re_evaluation_run set heartbeat_at = now() - interval '10 minutes' where id = :id").param("id", run).update();
            assertThat(runs.claimStale(ReEvaluationResumer.STALE_AFTER)).doesNotContain(run);
        } finally {
            jdbc.sql("update care_plan set facts = cast(:facts as jsonb) where id = cast(:plan as uuid)")
                    .param("facts", facts).param("plan", planId).update();
            jdbc.sql("update task set status = 'CANCELLED' where location = :location").param("location", location).update();
        }
    }

    /** A run is read by a clinical lead of its locations only; any other id is not found. */
    @Test
    void oneRunIsReadAtItsLocationsOnly() {
        UUID everywhere = UUID.randomUUID();
        UUID satellite = UUID.randomUUID();
        UUID main = UUID.randomUUID();
        jdbc.sql("""
                insert into re_evaluation_run (id, rule_set_version, locations, requested_by, status, total, finished_at)
                values (:all, 1, null, 'admin', 'COMPLETED', 0, now()), (:satellite, 1, 'SATELLITE_CLINIC', 'clinlead', 'COMPLETED', 0, now()),
                       (:main, 1, 'MAIN_CLINIC', 'clinlead', 'COMPLETED', 0, now())
                """).param("all", everywhere).param("satellite", satellite).param("main", main).update();

        HttpJson lead = http.asUser("clinlead");
        assertThat(lead.get("/api/v1/tracker/re-evaluations/" + main).json().path("status").asText()).isEqualTo("COMPLETED");
        for (String other : List.of(everywhere.toString(), satellite.toString(), UUID.randomUUID().toString(), "not-a-run")) {
            HttpJson.Response refused = lead.get("/api/v1/tracker/re-evaluations/" + other);
            assertThat(refused.status()).as(other).isEqualTo(404);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().path("type").asText()).endsWith("re-evaluation-not-found");
        }
        assertThat(http.asUser("coordinator").get("/api/v1/tracker/re-evaluations/" + main).status()).isEqualTo(403);
    }

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

        long auditedBefore = jdbc.sql("select count(*) from audit_event where action = 'TASKS_RE_EVALUATED'").query(Long.class).single();
        HttpJson.Response started = http.asUser("clinlead").post("/api/v1/tracker/re-evaluations", "{\"preview\": false}");
        assertThat(started.status()).as(started.text()).isEqualTo(202);
        assertThat(started.json().has("report")).as("applying answers its run, not a what-if").isFalse();
        String runId = started.json().path("id").asText();
        assertThat(started.header("Location")).isEqualTo("/api/v1/tracker/re-evaluations/" + runId);
        JsonNode applied = completed(started.header("Location"));
        assertThat(applied.path("requestedBy").asText()).isEqualTo("clinlead");
        assertThat(applied.path("processed").asLong()).isEqualTo(applied.path("total").asLong()).isPositive();
        assertThat(applied.path("percent").asInt()).isEqualTo(100);
        assertThat(applied.path("dueChanged").asInt()).isGreaterThanOrEqualTo(1);
        if (applied.path("examples").size() >= applied.path("queueChanged").asInt() + applied.path("dueChanged").asInt()) {
            assertThat(applied.path("examples")).extracting(e -> e.path("taskId").asText()).contains(taskId);
        }
        assertThat(applied.path("examples").size()).isBetween(1, 20);
        JsonNode after = http.asUser("coordinator").get("/api/v1/tasks/" + taskId).json();
        assertThat(after.path("due").path("ruleSetVersion").asInt()).isEqualTo(applied.path("ruleSetVersion").asInt());
        assertThat(after.path("due").path("at").asText()).isEqualTo("2026-03-11T23:59:59-04:00");
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'TASKS_RE_EVALUATED'").query(Long.class).single())
                .as("the applied run audited once, when it completed").isEqualTo(auditedBefore + 1);
        assertThat(jdbc.sql("""
                select actor from audit_event where action = 'TASKS_RE_EVALUATED' and details ->> 'applied' = 'true'
                order by occurred_at desc limit 1
                """).query(String.class).single()).as("as the clinical lead who applied it").isEqualTo("clinlead");

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
            CompletableFuture<Void> first = CompletableFuture.runAsync(() -> reEvaluations.finish(run), instances);
            CompletableFuture<Void> second = CompletableFuture.runAsync(() -> reEvaluations.finish(run), instances);
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

    /** The run at {@code location} once it is no longer RUNNING (read as the clinical lead who applied it). */
    private JsonNode completed(String location) {
        for (int i = 0; i < 600; i++) {
            JsonNode run = http.asUser("clinlead").get(location).json();
            if (!run.path("status").asText().equals("RUNNING")) {
                assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("COMPLETED");
                return run;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("the run at " + location + " did not complete");
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
