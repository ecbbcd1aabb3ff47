package app.baton.decision;

import app.baton.Requests;
import app.baton.WebIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A recorded decision read back carries the kinds of patient data the reader's role needs, no more. */
class MinimumNecessaryIntegrationTests extends WebIntegrationTest {

    @Test
    void billingSeesPayerAndServiceTimeButNoClinicalDetail() {
        JsonNode read = readAs("billing", decided());

        assertThat(read.path("inputs").path("patient").path("payer").asText()).isEqualTo("MEDICARE");
        assertThat(read.path("inputs").path("patient").path("memberIdPresent").asBoolean()).isTrue();
        assertThat(read.path("inputs").path("carePlan").has("dischargeAt")).isFalse();
        assertThat(read.path("inputs").path("carePlan").has("complexity")).isFalse();
        assertThat(read.path("inputs").path("patient").has("language")).isFalse();
        assertThat(read.path("withheld").toString()).contains("carePlan.dischargeAt", "carePlan.complexity", "patient.language");
        assertThat(read.path("decision").path("routing").path("queue").asText()).isEqualTo("CARE_COORDINATION");
    }

    @Test
    void frontDeskSeesPayerAndLanguageButNoClinicalDetail() {
        JsonNode read = readAs("frontdesk", decided());

        assertThat(read.path("inputs").path("patient").path("language").asText()).isEqualTo("en");
        assertThat(read.path("inputs").path("patient").path("payer").asText()).isEqualTo("MEDICARE");
        assertThat(read.path("inputs").path("carePlan").has("dischargeAt")).isFalse();
        assertThat(read.path("withheld").toString()).contains("carePlan.dischargeAt").doesNotContain("patient.payer");
    }

    @Test
    void leadershipSeesIdentifiersAndTheDecisionOnly() {
        JsonNode read = readAs("leader", decided());

        assertThat(read.path("inputs").path("patient").path("id").asText()).isEqualTo("pt-1001");
        assertThat(read.path("inputs").path("patient").has("payer")).isFalse();
        assertThat(read.path("inputs").path("carePlan").has("dischargeAt")).isFalse();
        assertThat(read.path("decision").path("sla").path("dueAt").asText()).isEqualTo("2026-03-11T23:59:59-04:00");
    }

    @Test
    void nursesAndTheSendingAppSeeEveryStoredInput() {
        String id = decided();

        JsonNode nurse = readAs("nurse", id);
        JsonNode app = http.get("/api/v1/decisions/" + id).json();

        for (JsonNode read : new JsonNode[]{nurse, app}) {
            assertThat(read.path("inputs").path("carePlan").path("dischargeAt").asText()).startsWith("2026-03-09T08:00");
            assertThat(read.path("inputs").path("patient").path("payer").asText()).isEqualTo("MEDICARE");
            assertThat(read.path("withheld")).isEmpty();
        }
    }

    String decided() {
        var response = http.post("/api/v1/decisions", Requests.workedExample(UUID.randomUUID().toString()));
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json().path("decisionId").asText();
    }

    JsonNode readAs(String user, String id) {
        var response = http.asUser(user).get("/api/v1/decisions/" + id);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }
}
