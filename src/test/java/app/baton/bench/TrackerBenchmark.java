package app.baton.bench;

import app.baton.HttpJson;
import app.baton.WebIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tracker's latency targets (issue 5): a queue page of 50 out of 100,000 open tasks, and a
 * discharge event taken in to a plan with its tasks, each at most 50 ms at p99. Not a test: its
 * name keeps it out of {@code ./mvnw verify}; run it with
 * {@code ./mvnw test -Dtest=TrackerBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * It seeds the tasks straight into PostgreSQL (plus 50,000 done ones, which the partial indexes
 * skip), then calls over HTTP with API keys (a password login costs a bcrypt hash per request, which
 * would measure bcrypt) and prints percentiles. It asserts what was answered, never how fast.
 */
class TrackerBenchmark extends WebIntegrationTest {

    static final int OPEN = Integer.getInteger("baton.bench.open-tasks", 100_000);
    static final int CALLS = Integer.getInteger("baton.bench.calls", 1_000);

    @Autowired
    JdbcClient jdbc;

    @Test
    void queuePagesAndIntakes() {
        seed(http, jdbc, OPEN);
        HttpJson coordinator = http.withApiKey(key(http, "bench coordinator", "CARE_COORDINATOR", "MAIN_CLINIC"));
        JsonNode first = coordinator.get("/api/v1/queues/CARE_COORDINATION/tasks?limit=50").json();
        assertThat(first.path("tasks")).hasSize(50);
        String deep = first.path("nextCursor").asText();
        for (int page = 0; page < 20; page++) {
            deep = coordinator.get("/api/v1/queues/CARE_COORDINATION/tasks?limit=50&cursor=" + deep).json().path("nextCursor").asText();
        }
        String deepCursor = deep;
        report("queue page 1 of CARE_COORDINATION, 50 tasks", i -> coordinator.get("/api/v1/queues/CARE_COORDINATION/tasks?limit=50"));
        report("queue page 22 (keyset cursor)", i -> coordinator.get("/api/v1/queues/CARE_COORDINATION/tasks?limit=50&cursor=" + deepCursor));
        report("queue page 1, program=TCM&overdue=true", i -> coordinator.get(
                "/api/v1/queues/CARE_COORDINATION/tasks?limit=50&program=TCM&overdue=true"));
        report("my tasks (role CARE_COORDINATOR), page 1", i -> coordinator.get("/api/v1/my/tasks?limit=50"));
        String run = UUID.randomUUID().toString();
        report("discharge intake to plan with 3 tasks", i -> http.post("/api/v1/intake/discharges", """
                {"sourceSystem": "BENCH", "sourceId": "%s-%d",
                 "patient": {"id": "bench-%d", "payer": "MEDICARE", "memberId": "BENCH-%d", "language": "en", "location": "MAIN_CLINIC",
                             "consentOnFile": true},
                 "program": "TCM", "complexity": "MODERATE", "dischargeAt": "2026-03-09T08:00:00-04:00"}
                """.formatted(run, i, i, i)));
        System.out.println("BENCH plan of the queue query: " + String.join(" / ", jdbc.sql("""
                explain (analyze, buffers) select id from task
                where status not in ('DONE', 'CANCELLED') and queue = 'CARE_COORDINATION' and location in ('MAIN_CLINIC')
                order by coalesce(due_at, 'infinity'::timestamptz), priority_rank, id limit 51
                """).query(String.class).list()));
    }

    static void report(String what, IntFunction<HttpJson.Response> call) {
        for (int i = 0; i < 100; i++) {
            assertThat(call.apply(-1 - i).status()).isBetween(200, 201);
        }
        long[] micros = new long[CALLS];
        for (int i = 0; i < CALLS; i++) {
            long start = System.nanoTime();
            HttpJson.Response response = call.apply(i);
            micros[i] = (System.nanoTime() - start) / 1000;
            assertThat(response.status()).as(response.text()).isBetween(200, 201);
        }
        Arrays.sort(micros);
        System.out.printf("BENCH %-45s n=%d p50=%.1f ms p95=%.1f ms p99=%.1f ms max=%.1f ms%n", what, CALLS,
                micros[CALLS / 2] / 1000.0, micros[CALLS * 95 / 100] / 1000.0, micros[CALLS * 99 / 100] / 1000.0,
                micros[CALLS - 1] / 1000.0);
    }

    static String key(HttpJson http, String name, String role, String location) {
        return http.asUser("admin").post("/api/v1/api-keys", """
                {"name": "%s %s", "roles": ["%s"], "locations": ["%s"]}""".formatted(name, UUID.randomUUID(), role, location))
                .json().path("key").asText();
    }

    /** Seeds {@code open} open tasks (and half as many done ones) straight into PostgreSQL, under one plan. */
    static void seed(HttpJson http, JdbcClient jdbc, int open) {
        long started = System.nanoTime();
        String planId = http.post("/api/v1/intake/discharges", """
                {"sourceSystem": "BENCH", "sourceId": "%s", "patient": {"id": "bench", "payer": "MEDICARE", "memberId": "B-1",
                 "language": "en", "location": "MAIN_CLINIC", "consentOnFile": true},
                 "program": "TCM", "complexity": "HIGH", "dischargeAt": "2026-03-09T08:00:00-04:00"}
                """.formatted(UUID.randomUUID())).json().path("planId").asText();
        List<String> queues = List.of("CARE_COORDINATION", "CARE_COORDINATION", "CARE_COORDINATION", "NURSING", "SCHEDULING", "FRONT_DESK");
        List<String> roles = List.of("CARE_COORDINATOR", "CARE_COORDINATOR", "CARE_COORDINATOR", "CLINICAL_STAFF", "FRONT_DESK", "FRONT_DESK");
        jdbc.sql("""
                insert into task (id, plan_id, purpose, position, patient_id, location, program, task_type, status, stage, priority,
                                  priority_rank, queue, role, due_at, sla_basis, rule_set_version, created_at, status_since)
                select gen_random_uuid(), cast(:plan as uuid), 'PLAN', 0, 'bench-' || (g % 20000),
                       case when g % 10 < 7 then 'MAIN_CLINIC' else 'SATELLITE_CLINIC' end,
                       (array['TCM', 'CCM', 'FUH', 'REFERRAL', 'GENERAL'])[1 + g % 5], 'OUTREACH_CALL',
                       case when g > :open then 'DONE' when g % 7 = 0 then 'WAITING_ON_PATIENT' else 'READY' end,
                       case when g > :open then 'CLOSURE' when g % 7 = 0 then 'FOLLOW_UP' else 'COORDINATION' end,
                       (array['ROUTINE', 'ROUTINE', 'URGENT', 'EXPEDITED'])[1 + g % 4],
                       (array[2, 2, 1, 0])[1 + g % 4],
                       (cast(:queues as text[]))[1 + g % 6], (cast(:roles as text[]))[1 + g % 6],
                       case when g % 50 = 0 then null else now() + ((g * 7919) % 86400) * interval '1 minute' - interval '30 days' end,
                       '3 business days after creation', 1, now() - interval '40 days', now() - interval '40 days'
                from generate_series(1, :total) g
                """).param("plan", planId).param("open", open).param("total", open + open / 2)
                .param("queues", queues.toArray(String[]::new)).param("roles", roles.toArray(String[]::new)).update();
        jdbc.sql("analyze task").update();
        System.out.printf("BENCH seeded %,d open and %,d done tasks in %.1f s%n", open, open / 2, (System.nanoTime() - started) / 1e9);
    }
}
