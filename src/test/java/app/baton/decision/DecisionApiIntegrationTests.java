package app.baton.decision;

import app.baton.HttpJson;
import app.baton.WebIntegrationTest;
import app.baton.Requests;
import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class DecisionApiIntegrationTests extends WebIntegrationTest {

    @Autowired
    MeterRegistry meters;

    /** Evaluations made so far, by every version (each goes through the one evaluation, which times itself). */
    private long evaluations() {
        return meters.find("baton.decision.evaluation").timers().stream().mapToLong(Timer::count).sum();
    }

    @Test
    void decidesTheWorkedExampleWithItsTableRows() {
        HttpJson.Response response = http.post("/api/v1/decisions", Requests.workedExample());

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.path("ruleSetVersion").asText()).isEqualTo("1");
        assertThat(body.path("evaluatedAt").asText()).isEqualTo("2026-03-09T10:15:00-04:00");
        assertThat(body.path("routing").path("queue").asText()).isEqualTo("CARE_COORDINATION");
        assertThat(body.path("routing").path("role").asText()).isEqualTo("CARE_COORDINATOR");
        assertThat(body.path("sla").path("dueAt").asText()).isEqualTo("2026-03-11T23:59:59-04:00");
        assertThat(body.path("sla").path("basis").asText()).isEqualTo("2 business days after discharge");
        assertThat(body.path("sla").path("source").asText()).isEqualTo("decision-tables/app/baton/engine/model/sla.drl.xlsx#SLA!row 11");
        assertThat(body.path("missingInfo")).isEmpty();
        assertThat(body.path("nextBestActions").get(0).path("code").asText()).isEqualTo("CALL_PATIENT");
        assertThat(body.path("escalations")).isEmpty();
        assertThat(body.path("trace").findValuesAsText("source"))
                .contains("decision-tables/app/baton/engine/model/routing.drl.xlsx#Routing!row 28");
    }

    @Test
    void manyConcurrentCallsEachLearnWhetherTheirOwnKeyWasAnswered() throws Exception {
        // Replay lookups of concurrent requests share statements: each must still get its own key's answer.
        java.util.List<String> bodies = IntStream.range(0, 24).mapToObj(i -> Requests.workedExample()).toList();
        java.util.Map<String, String> firstIds = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(12);
        try {
            for (var f : pool.invokeAll(bodies.stream().map(b -> (java.util.concurrent.Callable<Void>) () -> {
                HttpJson.Response first = http.post("/api/v1/decisions", b);
                assertThat(first.header("Idempotent-Replayed")).isEqualTo("false");
                firstIds.put(b, first.json().path("decisionId").asText());
                return null;
            }).toList())) {
                f.get();
            }
            long before = evaluations();
            java.util.List<java.util.concurrent.Callable<HttpJson.Response>> mixed = new java.util.ArrayList<>();
            bodies.forEach(b -> mixed.add(() -> http.post("/api/v1/decisions", b)));
            IntStream.range(0, 8).forEach(i -> mixed.add(() -> http.post("/api/v1/decisions", Requests.workedExample())));
            java.util.List<java.util.concurrent.Future<HttpJson.Response>> answers = pool.invokeAll(mixed);
            for (int i = 0; i < bodies.size(); i++) {
                HttpJson.Response again = answers.get(i).get();
                assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
                assertThat(again.json().path("decisionId").asText()).isEqualTo(firstIds.get(bodies.get(i)));
            }
            for (int i = bodies.size(); i < answers.size(); i++) {
                assertThat(answers.get(i).get().header("Idempotent-Replayed")).isEqualTo("false");
            }
            assertThat(evaluations() - before).as("only the 8 new requests are evaluated").isEqualTo(8);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void sameRequestIdAndBodyReturnsTheFirstDecision() {
        String body = Requests.workedExample();
        HttpJson.Response first = http.post("/api/v1/decisions", body);
        HttpJson.Response again = http.post("/api/v1/decisions", body);

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("decisionId")).isEqualTo(first.json().path("decisionId"));
        assertThat(again.json()).isEqualTo(first.json());
        // a new decision's body is the text written for its record; a replay's is written from the stored decision: both JSON
        assertThat(first.contentType()).isEqualTo("application/json");
        assertThat(again.contentType()).isEqualTo("application/json");
        assertThat(first.header("Idempotent-Replayed")).isEqualTo("false");
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
    }

    @Test
    void aReplayIsAnsweredFromTheStoredDecisionWithoutEvaluatingAgain() {
        String body = Requests.workedExample();
        HttpJson.Response first = http.post("/api/v1/decisions", body);
        long before = evaluations();
        HttpJson.Response again = http.post("/api/v1/decisions", body);
        String batch = "{\"requests\": [" + body + ", " + Requests.workedExample() + "]}";
        HttpJson.Response both = http.post("/api/v1/decisions/batch", batch);

        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.json().path("decisionId")).isEqualTo(first.json().path("decisionId"));
        assertThat(both.status()).as(both.text()).isEqualTo(200);
        assertThat(both.json().path("decisions").get(0).path("decisionId")).isEqualTo(first.json().path("decisionId"));
        assertThat(both.json().path("decisions").get(1).path("decisionId")).isNotEqualTo(first.json().path("decisionId"));
        assertThat(evaluations() - before).as("only the batch's new request is evaluated").isEqualTo(1);
    }

    @Test
    void sameRequestIdWithAnotherBodyIsRefused() {
        String requestId = UUID.randomUUID().toString();
        http.post("/api/v1/decisions", Requests.workedExample(requestId));
        HttpJson.Response conflict = http.post("/api/v1/decisions",
                Requests.workedExample(requestId).replace("\"attempts\": 0", "\"attempts\": 1"));

        assertThat(conflict.status()).isEqualTo(422);
        assertThat(conflict.contentType()).startsWith("application/problem+json");
        assertThat(conflict.json().path("errors").get(0).path("field").asText()).isEqualTo("requestId");
    }

    @Test
    void anotherClientsSameRequestIdIsAnotherRequest() {
        String requestId = UUID.randomUUID().toString();
        HttpJson.Response mine = http.post("/api/v1/decisions", Requests.workedExample(requestId));
        HttpJson.Response theirs = http.asUser("coordinator").post("/api/v1/decisions",
                Requests.workedExample(requestId).replace("\"attempts\": 0", "\"attempts\": 1"));

        assertThat(theirs.status()).isEqualTo(200);
        assertThat(theirs.header("Idempotent-Replayed")).isEqualTo("false");
        assertThat(theirs.json().path("decisionId")).isNotEqualTo(mine.json().path("decisionId"));
    }

    @Test
    void idempotencyKeyHeaderTakesPrecedenceOverRequestId() {
        String key = UUID.randomUUID().toString();
        HttpJson.Response first = http.post("/api/v1/decisions", Requests.workedExample(), "Idempotency-Key", key);
        HttpJson.Response conflict = http.post("/api/v1/decisions", Requests.workedExample(), "Idempotency-Key", key);

        assertThat(first.status()).isEqualTo(200);
        assertThat(conflict.status()).isEqualTo(422);
        assertThat(conflict.json().path("errors").get(0).path("field").asText()).isEqualTo("Idempotency-Key");
    }

    @Test
    void anIdempotencyKeyLongerThan128CharactersIsRefusedNamingTheHeader() {
        HttpJson.Response tooLong = http.post("/api/v1/decisions", Requests.workedExample(), "Idempotency-Key", "k".repeat(129));
        HttpJson.Response longest = http.post("/api/v1/decisions", Requests.workedExample(), "Idempotency-Key", UUID.randomUUID() + "k".repeat(92));

        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().path("errors").get(0).path("field").asText()).isEqualTo("Idempotency-Key");
        assertThat(longest.status()).isEqualTo(200);
    }

    @Test
    void storedDecisionKeepsMinimizedInputsAndTheAnswer() {
        JsonNode decided = http.post("/api/v1/decisions", Requests.workedExample()).json();

        HttpJson.Response stored = http.get("/api/v1/decisions/" + decided.path("decisionId").asText());

        assertThat(stored.status()).isEqualTo(200);
        JsonNode body = stored.json();
        assertThat(body.path("decision")).isEqualTo(decided);
        assertThat(body.path("ruleSetVersion").asText()).isEqualTo("1");
        assertThat(body.path("inputs").path("patient").path("memberIdPresent").asBoolean()).isTrue();
        assertThat(stored.text()).doesNotContain("1EG4-TE5-MK72");
        assertThat(body.path("inputs").path("carePlan").path("dischargeAt").asText()).isEqualTo("2026-03-09T08:00:00-04:00");
    }

    @Test
    void unknownDecisionIdIsNotFound() {
        assertThat(http.get("/api/v1/decisions/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(http.get("/api/v1/decisions/not-a-uuid").status()).isEqualTo(404);
    }

    @Test
    void batchAnswersAThousandTasksInOrder() {
        String requests = IntStream.range(0, 1000)
                .mapToObj(i -> Requests.workedExample().replace("\"t-3001\"", "\"t-" + i + "\""))
                .collect(Collectors.joining(",", "{\"requests\":[", "]}"));

        HttpJson.Response response = http.post("/api/v1/decisions/batch", requests.replaceAll("\\s+", ""));

        assertThat(response.status()).isEqualTo(200);
        JsonNode decisions = response.json().path("decisions");
        assertThat(decisions).hasSize(1000);
        assertThat(decisions.get(0).path("routing").path("queue").asText()).isEqualTo("CARE_COORDINATION");
        assertThat(decisions.get(999).path("sla").path("dueAt").asText()).isEqualTo("2026-03-11T23:59:59-04:00");
    }
}
