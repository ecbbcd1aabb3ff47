package app.baton.system;

import app.baton.HttpJson;
import app.baton.WebIntegrationTest;
import app.baton.Requests;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;

import static org.assertj.core.api.Assertions.assertThat;

/** What an operator and an integrator rely on: readiness, OpenAPI, metrics, correlation ids. */
@AutoConfigureObservability(tracing = false)
class OperabilityIntegrationTests extends WebIntegrationTest {

    @Test
    void readinessIncludesTheActiveRuleSet() {
        HttpJson.Response readiness = http.get("/actuator/health/readiness");

        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().path("status").asText()).isEqualTo("UP");
        assertThat(readiness.json().path("components").path("ruleSet").path("status").asText()).isEqualTo("UP");
    }

    @Test
    void openApiDescribesTheDecisionApi() {
        HttpJson.Response docs = http.get("/v3/api-docs");

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().path("paths").has("/api/v1/decisions")).isTrue();
        assertThat(docs.json().path("paths").has("/api/v1/decisions/batch")).isTrue();
        assertThat(docs.json().path("paths").has("/api/v1/decisions/{id}")).isTrue();
        assertThat(http.get("/swagger-ui/index.html").status()).isEqualTo(200);
    }

    @Test
    void prometheusShowsDecisionLatencyByRuleSetVersion() {
        http.post("/api/v1/decisions", Requests.workedExample());

        String metrics = http.asUser("admin").get("/actuator/prometheus").text();

        assertThat(metrics).contains("baton_decision_evaluation_seconds_bucket{application=\"baton\",ruleSetVersion=\"1\"");
        assertThat(metrics).contains("baton_decision_outcomes_total{application=\"baton\",kind=\"routing\",ruleSetVersion=\"1\"}");
    }

    @Test
    void prometheusShowsWhetherTheAuditChainIsIntact() {
        assertThat(http.asUser("admin").get("/actuator/prometheus").text()).contains("baton_audit_chain_intact{application=\"baton\"}");
    }

    @Test
    void echoesTheCallersCorrelationId() {
        HttpJson.Response response = http.post("/api/v1/decisions", Requests.workedExample(), "X-Correlation-Id", "abc-123");

        assertThat(response.header("X-Correlation-Id")).isEqualTo("abc-123");
    }
}
