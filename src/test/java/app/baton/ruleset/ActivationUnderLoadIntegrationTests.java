package app.baton.ruleset;

import app.baton.HttpJson;
import app.baton.Requests;
import app.baton.WebIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Decisions keep flowing while a version is activated and rolled back: none fails, and each
 * client sees the versions change once each way, never back and forth.
 */
class ActivationUnderLoadIntegrationTests extends WebIntegrationTest {

    static final int CLIENTS = 4;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void versionOneDecidesAgain() {
        Lifecycle.restoreVersionOne(http.asUser("clinlead"), jdbc);
    }

    record Answer(int status, String version, long micros) {
    }

    @Test
    void noDecisionFailsWhileVersionsAreActivatedAndRolledBack() throws Exception {
        int candidate = Lifecycle.approvedRoutingChange(http, jdbc);
        AtomicBoolean firing = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<List<Answer>>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < CLIENTS; i++) {
                answers.add(clients.submit(() -> fire(firing)));
            }
            Thread.sleep(300);
            assertThat(http.asUser("clinlead").post("/api/v1/rule-sets/" + candidate + "/activation", "{\"note\": \"under load\"}").status())
                    .isEqualTo(200);
            Thread.sleep(500);
            assertThat(http.asUser("clinlead2").post("/api/v1/rule-sets/1/activation", "{\"note\": \"back under load\"}").status())
                    .isEqualTo(200);
            Thread.sleep(300);
        } finally {
            firing.set(false);
            clients.shutdown();
        }

        List<Answer> all = new ArrayList<>();
        for (Future<List<Answer>> client : answers) {
            List<Answer> sequence = client.get();
            all.addAll(sequence);
            assertThat(sequence).allSatisfy(a -> assertThat(a.status()).isEqualTo(200));
            assertThat(switches(sequence)).as("version changes seen by one client").isLessThanOrEqualTo(2);
        }
        assertThat(all).extracting(Answer::version).contains("1", String.valueOf(candidate));
        long slowest = all.stream().mapToLong(Answer::micros).max().orElseThrow();
        List<Long> sorted = new ArrayList<>(all.stream().map(Answer::micros).toList());
        Collections.sort(sorted);
        System.out.printf("activation under load: %d decisions, 0 failed, p50 %d us, p99 %d us, slowest %d us%n", all.size(),
                sorted.get(sorted.size() / 2), sorted.get(sorted.size() * 99 / 100), slowest);
    }

    List<Answer> fire(AtomicBoolean firing) {
        HttpJson client = new HttpJson(port);
        List<Answer> answers = new ArrayList<>();
        while (firing.get()) {
            long started = System.nanoTime();
            HttpJson.Response response = client.post("/api/v1/decisions", Requests.workedExample(UUID.randomUUID().toString()));
            long micros = (System.nanoTime() - started) / 1000;
            String version = response.status() == 200 ? response.json().path("ruleSetVersion").asText() : "";
            answers.add(new Answer(response.status(), version, micros));
        }
        return answers;
    }

    static int switches(List<Answer> sequence) {
        int switches = 0;
        for (int i = 1; i < sequence.size(); i++) {
            if (!sequence.get(i).version().equals(sequence.get(i - 1).version())) {
                switches++;
            }
        }
        return switches;
    }
}
