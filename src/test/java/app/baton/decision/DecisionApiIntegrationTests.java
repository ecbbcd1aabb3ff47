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
    void sameRequestIdAndBodyReturnsTheFirstDecision() {
        String body = Requests.workedExample();
        HttpJson.Response first = http.post("/api/v1/decisions", body);
        HttpJson.Response again = http.post("/api/v1/decisions", body);

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("decisionId")).isEqualTo(first.json().path("decisionId"));
        assertThat(again.json()).isEqualTo(first.json());
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
