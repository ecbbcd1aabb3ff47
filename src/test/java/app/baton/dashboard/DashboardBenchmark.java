package app.baton.dashboard;

import app.baton.HttpJson;
import app.baton.WebIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.IntFunction;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboards over 100,000 open tasks (and 50,000 done ones with their history), each figure's
 * query (on the dashboards' projection) timed in-process and every dashboard endpoint over HTTP. Not a
 * test: its name keeps it out of {@code ./mvnw verify}; run it with
 * {@code ./mvnw test -Dtest=DashboardBenchmark -Dsurefire.failIfNoSpecifiedTests=false}. It asserts
 * what was answered, never how fast.
 */
class DashboardBenchmark extends WebIntegrationTest {

    static final int OPEN = Integer.getInteger("baton.bench.open-tasks", 100_000);
    static final int CALLS = Integer.getInteger("baton.bench.dashboard-calls", 50);

    @Autowired
    JdbcClient jdbc;
    @Autowired
    DashboardQueries queries;
    @Autowired
    DashboardRebuild rebuild;

    @Test
    void figuresAndExceptionReport() {
        seed();
        OffsetDateTime now = OffsetDateTime.now();
        ZoneId zone = ZoneId.of("America/New_York");
        DashboardFilter all = DashboardFilter.none();
        DashboardFilter main = new DashboardFilter(null, null, null, null, 6, null, java.util.Set.of("MAIN_CLINIC"));
        time("counts by stage and status (all locations)", () -> queries.byStageAndStatus(all).size());
        time("overdue by queue (all locations)", () -> queries.overdueByQueue(all, now, zone).size());
        time("SLA attainment by program and month, 6 months", () -> queries.slaAttainment(all, now, zone).size());
        time("time in stage, median and p90, 6 months", () -> queries.timeInStage(all, now).size());
        time("time in stage, MAIN_CLINIC only", () -> queries.timeInStage(main, now).size());
        time("exception report: count", () -> (int) queries.exceptionCount(all, now));
        time("exception report: first 200 rows", () -> {
            int[] n = {0};
            queries.exceptions(all, now, 200, r -> n[0]++);
            return n[0];
        });
        HttpJson leader = http.withApiKey(key());
        http("GET /api/v1/dashboards/figures (all four figures)", i -> leader.get("/api/v1/dashboards/figures"));
        http("GET /api/v1/dashboards/exceptions (first 200)", i -> leader.get("/api/v1/dashboards/exceptions"));
        http("GET /api/v1/dashboards/figures.csv", i -> leader.get("/api/v1/dashboards/figures.csv"));
        http("GET /api/v1/dashboards/figures?location=MAIN_CLINIC&program=TCM", i -> leader.get("/api/v1/dashboards/figures?location=MAIN_CLINIC&program=TCM"));
        http("GET /api/v1/dashboards/exceptions?reason=BLOCKED_MISSING_INFO", i -> leader.get("/api/v1/dashboards/exceptions?reason=BLOCKED_MISSING_INFO"));
        long started = System.nanoTime();
        String csv = leader.get("/api/v1/dashboards/exceptions.csv").text();
        System.out.printf("BENCH exception report CSV: %,d lines, %,d bytes in %.0f ms%n", csv.split("\r\n").length, csv.length(),
                (System.nanoTime() - started) / 1e6);
    }

    /** The entries the listener appends for a change of status, for the bench's tasks in this state. */
    private void journal(String where) {
        jdbc.sql("insert into dashboard_stage_entry (task_id, stage, status, entered_at) select id, stage, status, status_since from task "
                + "where patient_id like 'bench-%'" + where + " order by status_since").update();
    }

    private void time(String what, Supplier<Integer> query) {
        for (int i = 0; i < 3; i++) {
            assertThat(query.get()).isPositive();
        }
        long[] micros = new long[CALLS];
        for (int i = 0; i < CALLS; i++) {
            long start = System.nanoTime();
            query.get();
            micros[i] = (System.nanoTime() - start) / 1000;
        }
        print(what, micros);
    }

    private void http(String what, IntFunction<HttpJson.Response> call) {
        for (int i = 0; i < 3; i++) {
            assertThat(call.apply(i).status()).isEqualTo(200);
        }
        long[] micros = new long[CALLS];
        for (int i = 0; i < CALLS; i++) {
            long start = System.nanoTime();
            HttpJson.Response response = call.apply(i);
            micros[i] = (System.nanoTime() - start) / 1000;
            assertThat(response.status()).isEqualTo(200);
        }
        print(what, micros);
    }

    private static void print(String what, long[] micros) {
        Arrays.sort(micros);
        System.out.printf("BENCH %-52s n=%d p50=%.1f ms p95=%.1f ms max=%.1f ms%n", what, micros.length,
                micros[micros.length / 2] / 1000.0, micros[micros.length * 95 / 100] / 1000.0, micros[micros.length - 1] / 1000.0);
    }

    private String key() {
        return http.asUser("admin").post("/api/v1/api-keys", """
                {"name": "bench leadership %s", "roles": ["LEADERSHIP"], "locations": ["*"]}""".formatted(UUID.randomUUID()))
                .json().path("key").asText();
    }

    /**
     * 100,000 open tasks and 50,000 done ones, created over the last 180 days, written straight to the tracker's
     * table (no events), each with the journal entries the dashboards' listener would have written (its creation, and
     * the done ones' move to IN_PROGRESS and DONE); then the projection is rebuilt from the tracker, as an operator
     * would after a bulk load, and that rebuild is timed too.
     */
    private void seed() {
        long started = System.nanoTime();
        String planId = http.post("/api/v1/intake/discharges", """
                {"sourceSystem": "BENCH", "sourceId": "%s", "patient": {"id": "bench", "payer": "MEDICARE", "memberId": "B-1",
                 "language": "en", "location": "MAIN_CLINIC", "consentOnFile": true},
                 "program": "TCM", "complexity": "HIGH", "dischargeAt": "2026-03-09T08:00:00-04:00"}
                """.formatted(UUID.randomUUID())).json().path("planId").asText();
        jdbc.sql("""
                insert into task (id, plan_id, purpose, position, patient_id, location, program, task_type, status, stage, priority,
                                  priority_rank, queue, role, due_at, sla_basis, rule_set_version, created_at, status_since)
                select gen_random_uuid(), cast(:plan as uuid), 'PLAN', 0, 'bench-' || (g % 20000),
                       case when g % 10 < 7 then 'MAIN_CLINIC' else 'SATELLITE_CLINIC' end,
                       (array['TCM', 'CCM', 'FUH', 'REFERRAL', 'GENERAL'])[1 + g % 5], 'OUTREACH_CALL',
                       case when g % 13 = 0 then 'BLOCKED_MISSING_INFO' when g % 7 = 0 then 'WAITING_ON_PATIENT' else 'READY' end,
                       (array['INTAKE', 'PLANNING', 'COORDINATION', 'FOLLOW_UP', 'CLOSURE'])[1 + g % 5],
                       (array['ROUTINE', 'ROUTINE', 'URGENT', 'EXPEDITED'])[1 + g % 4], (array[2, 2, 1, 0])[1 + g % 4],
                       (array['CARE_COORDINATION', 'CARE_COORDINATION', 'NURSING', 'SCHEDULING', 'FRONT_DESK', 'AUTHORIZATIONS'])[1 + g % 6],
                       'CARE_COORDINATOR',
                       case when g % 50 = 0 then null else now() - interval '180 days' + ((g::bigint * 7919) % 259200) * interval '1 minute' end,
                       '3 business days', 1, now() - interval '180 days' + ((g::bigint * 104729) % 250000) * interval '1 minute',
                       now() - interval '180 days' + ((g::bigint * 104729) % 250000) * interval '1 minute'
                from generate_series(1, :total) g
                """).param("plan", planId).param("total", OPEN + OPEN / 2).update();
        journal("");
        // a third of them are worked and done: two status changes each, recorded by the trigger
        jdbc.sql("""
                update task set status = 'IN_PROGRESS', status_since = created_at + interval '20 hours'
                where patient_id like 'bench-%' and status <> 'BLOCKED_MISSING_INFO' and (hashtext(id::text) & 3) = 0""").update();
        journal(" and status = 'IN_PROGRESS'");
        jdbc.sql("""
                update task set status = 'DONE', status_since = status_since + ((hashtext(id::text) & 255) * interval '1 hour')
                where patient_id like 'bench-%' and status = 'IN_PROGRESS' and created_at < now() - interval '12 days'""").update();
        journal(" and status = 'DONE'");
        jdbc.sql("analyze task").update();
        long rebuilding = System.nanoTime();
        DashboardRebuild.Rebuilt rebuilt = rebuild.everything();
        System.out.printf("BENCH projection rebuilt from %,d tasks (%,d journal entries added) in %.1f s%n", rebuilt.tasks(),
                rebuilt.entries(), (System.nanoTime() - rebuilding) / 1e9);
        long rollups = System.nanoTime();
        rebuild.rollups();
        System.out.printf("BENCH rollups alone rebuilt in %.1f s%n", (System.nanoTime() - rollups) / 1e9);
        for (String table : new String[] {"dashboard_task", "dashboard_stage_entry", "dashboard_stage_stay", "dashboard_count",
                "dashboard_sla_month"}) {
            jdbc.sql("analyze " + table).update();
        }
        System.out.printf("BENCH seeded %,d tasks (%,d done), %,d journal entries in %.1f s%n",
                jdbc.sql("select count(*) from task").query(Long.class).single(),
                jdbc.sql("select count(*) from task where status = 'DONE'").query(Long.class).single(),
                jdbc.sql("select count(*) from dashboard_stage_entry").query(Long.class).single(),
                (System.nanoTime() - started) / 1e9);
    }
}
