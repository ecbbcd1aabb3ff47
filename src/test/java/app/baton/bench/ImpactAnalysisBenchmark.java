package app.baton.bench;

import app.baton.HttpJson;
import app.baton.Requests;
import app.baton.WebIntegrationTest;
import app.baton.review.TestVersions;
import app.baton.ruleset.RuleSets;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Impact analysis of 100,000 recorded decisions (issue 4 target: at most 60 s). Not a test: its name
 * keeps it out of {@code ./mvnw verify}; run it with
 * {@code ./mvnw test -Dtest=ImpactAnalysisBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * It records 21 decisions through the API (seven kinds of task at three instants), copies them
 * straight in SQL to 100,000 rows, and runs the analysis twice against a candidate whose routing
 * moves TCM interactive contacts; it prints the server's own start and finish times. It asserts
 * what was replayed, never how long it took.
 */
class ImpactAnalysisBenchmark extends WebIntegrationTest {

    static final int DECISIONS = Integer.getInteger("baton.bench.decisions", 100_000);

    @Autowired
    JdbcClient jdbc;
    @Autowired
    RuleSets ruleSets;

    @Test
    void replaysOneHundredThousandRecordedDecisions() {
        int candidate = new TestVersions(jdbc, ruleSets).withRoutingCell("G28", "NURSING");
        List<UUID> templates = recordTemplates();
        long seeding = System.nanoTime();
        int copies = (DECISIONS + templates.size() - 1) / templates.size();
        jdbc.sql("""
                insert into decision (id, request_sha256, rule_set_version, as_of, recorded_at, task_id, program, task_type,
                                      inputs, response, evaluation_micros)
                select gen_random_uuid(), request_sha256, rule_set_version, as_of, now() - g * interval '1 second',
                       'bench-' || g || '-' || task_id, program, task_type, inputs, response, evaluation_micros
                from (select d.*, g, row_number() over () as n
                      from decision d cross join generate_series(1, :copies) g
                      where d.id = any(:ids)) copied
                where n <= :decisions
                """).param("copies", copies).param("ids", templates.toArray(UUID[]::new)).param("decisions", DECISIONS).update();
        jdbc.sql("analyze decision").update();
        System.out.printf("BENCH seeded %,d decisions in %.1f s%n", DECISIONS, (System.nanoTime() - seeding) / 1e9);

        for (String run : List.of("first run (candidate compiled on the way)", "second run (warm JVM, candidate cached)")) {
            HttpJson.Response started = http.asUser("clinlead").post("/api/v1/rule-sets/" + candidate + "/impact-analyses",
                    "{\"lastDecisions\": " + DECISIONS + "}");
            assertThat(started.status()).as(started.text()).isEqualTo(202);
            JsonNode analysis = awaitFinished(started.header("Location"));
            UUID id = UUID.fromString(analysis.path("id").asText());
            var times = jdbc.sql("select started_at, finished_at from impact_analysis where id = :id").param("id", id)
                    .query((rs, row) -> List.of(rs.getObject(1, OffsetDateTime.class), rs.getObject(2, OffsetDateTime.class))).single();
            double seconds = Duration.between(times.get(0), times.get(1)).toMillis() / 1000.0;
            JsonNode report = analysis.path("report");
            System.out.printf("BENCH %s: %,d decisions in %.1f s (%,.0f decisions/s); changed %d, unchanged %d, not replayable %d,"
                            + " failed %d; kinds %s; moves %s%n", run, report.path("decisions").asLong(), seconds,
                    report.path("decisions").asLong() / seconds, report.path("changed").asLong(), report.path("unchanged").asLong(),
                    report.path("notReplayable").asLong(), report.path("failed").asLong(), report.path("changedByKind"),
                    report.path("routingMoves"));

            assertThat(analysis.path("status").asText()).isEqualTo("COMPLETED");
            assertThat(report.path("decisions").asLong()).isEqualTo(DECISIONS);
            assertThat(report.path("failed").asLong()).isZero();
        }
        Runtime rt = Runtime.getRuntime();
        System.out.printf("BENCH heap after: %d MB used of %d MB max%n", (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20);
    }

    private List<UUID> recordTemplates() {
        String[][] kinds = {
                {},
                {"\"status\": \"NEW\"", "\"status\": \"WAITING_ON_PATIENT\"", "\"attempts\": 0", "\"attempts\": 2"},
                {"TCM_INTERACTIVE_CONTACT", "TCM_FACE_TO_FACE"},
                {"\"TCM\"", "\"PRIOR_AUTH\"", "TCM_INTERACTIVE_CONTACT", "PRIOR_AUTH_FOLLOW_UP", "\"status\": \"NEW\"",
                        "\"status\": \"WAITING_ON_EXTERNAL\"", "\"ROUTINE\"", "\"EXPEDITED\""},
                {"\"TCM\"", "\"REFERRAL\"", "TCM_INTERACTIVE_CONTACT", "REFERRAL_INTAKE", "\"ROUTINE\"", "\"URGENT\"",
                        "\"memberId\": \"1EG4-TE5-MK72\",", ""},
                {"\"TCM\"", "\"FUH\"", "TCM_INTERACTIVE_CONTACT", "FUH_FOLLOW_UP_7D", "\"status\": \"NEW\"", "\"status\": \"IN_PROGRESS\"",
                        "\"attempts\": 0", "\"attempts\": 1"},
                {"\"TCM\"", "\"GENERAL\"", "TCM_INTERACTIVE_CONTACT", "OUTREACH_CALL", "\"attempts\": 0", "\"attempts\": 3"}};
        String[] instants = {"2026-03-09T10:15:00-04:00", "2026-03-12T09:00:00-04:00", "2026-03-20T16:00:00-04:00"};
        List<UUID> ids = new ArrayList<>();
        for (String[] kind : kinds) {
            for (String asOf : instants) {
                String body = Requests.workedExample().replace("2026-03-09T10:15:00-04:00", asOf);
                for (int i = 0; i < kind.length; i += 2) {
                    body = body.replace(kind[i], kind[i + 1]);
                }
                HttpJson.Response decided = http.post("/api/v1/decisions", body);
                assertThat(decided.status()).as(decided.text()).isEqualTo(200);
                ids.add(UUID.fromString(decided.json().path("decisionId").asText()));
            }
        }
        return ids;
    }

    private JsonNode awaitFinished(String location) {
        for (int i = 0; i < 6000; i++) {
            JsonNode analysis = http.asUser("clinlead").get(location).json();
            if (!analysis.path("status").asText().equals("RUNNING")) {
                return analysis;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("the analysis did not finish in 20 minutes");
    }
}
