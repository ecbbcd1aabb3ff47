package app.baton.decision;

import app.baton.HttpJson;
import app.baton.WebIntegrationTest;
import app.baton.Requests;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every kind of bad input gets a 4xx problem that names the field, never a 500 or a stack trace. */
class BadInputIntegrationTests extends WebIntegrationTest {

    private JsonNode problem(HttpJson.Response response, int status) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.text()).doesNotContain("Exception").doesNotContain("at app.baton").doesNotContain("at org.");
        JsonNode body = response.json();
        assertThat(body.path("type").asText()).startsWith("urn:baton:problem:");
        return body;
    }

    private String field(JsonNode problem) {
        return problem.path("errors").get(0).path("field").asText();
    }

    @Test
    void malformedJsonNamesWhereItBroke() {
        JsonNode problem = problem(http.post("/api/v1/decisions", "{\"task\": {"), 400);
        assertThat(problem.path("detail").asText()).contains("line 1");
    }

    @Test
    void unknownFieldIsRejectedByName() {
        JsonNode problem = problem(http.post("/api/v1/decisions",
                Requests.workedExample().replace("\"attempts\": 0", "\"attempts\": 0, \"colour\": \"red\"")), 400);
        assertThat(field(problem)).isEqualTo("task.colour");
        assertThat(problem.path("errors").get(0).path("message").asText()).isEqualTo("unknown field");
    }

    @Test
    void wrongTypeNamesTheField() {
        JsonNode problem = problem(http.post("/api/v1/decisions",
                Requests.workedExample().replace("\"attempts\": 0", "\"attempts\": \"many\"")), 400);
        assertThat(field(problem)).isEqualTo("task.attempts");
    }

    @Test
    void unknownLineOfBusinessIsRefusedNamingTheFieldWithoutTheValue() {
        JsonNode problem = problem(http.post("/api/v1/decisions",
                Requests.workedExample().replace("\"consentOnFile\": true", "\"consentOnFile\": true, \"lineOfBusiness\": \"PART_C_PLAN\"")), 400);
        assertThat(field(problem)).isEqualTo("patient.lineOfBusiness");
        assertThat(problem.path("errors").get(0).path("message").asText()).contains("MEDICARE_ADVANTAGE", "SELF_PAY");
        assertThat(problem.toString()).doesNotContain("PART_C_PLAN");
    }

    @Test
    void thirdEditionFieldsAreRefusedByNameWhenMalformed() {
        assertThat(field(problem(http.post("/api/v1/decisions",
                Requests.workedExample().replace("\"consentOnFile\": true", "\"consentOnFile\": true, \"birthDate\": \"last spring\"")), 400)))
                .isEqualTo("patient.birthDate");
        assertThat(field(problem(http.post("/api/v1/decisions",
                Requests.workedExample().replace("\"consentOnFile\": true", "\"consentOnFile\": true, \"inHospice\": \"maybe\"")), 400)))
                .isEqualTo("patient.inHospice");
        assertThat(field(problem(http.post("/api/v1/decisions",
                Requests.workedExample().replace("\"program\": \"TCM\"", "\"program\": \"TCM\", \"chronicConditions\": -1")), 400)))
                .isEqualTo("carePlan.chronicConditions");
        assertThat(field(problem(http.post("/api/v1/decisions",
                Requests.workedExample().replace("\"program\": \"TCM\"", "\"program\": \"TCM\", \"visitDoneAt\": \"2026-03-10T09:00\"")), 400)))
                .isEqualTo("carePlan.visitDoneAt");
    }

    @Test
    void unknownItemKindIsRefusedNamingTheField() {
        JsonNode problem = problem(http.post("/api/v1/decisions",
                Requests.workedExample().replace("\"program\": \"TCM\"", "\"program\": \"TCM\", \"itemKind\": \"DEVICE\"")), 400);
        assertThat(field(problem)).isEqualTo("carePlan.itemKind");
        assertThat(problem.toString()).doesNotContain("DEVICE");
    }

    @Test
    void missingRequiredFieldIsNamed() {
        JsonNode problem = problem(http.post("/api/v1/decisions",
                Requests.workedExample().replace("\"type\": \"TCM_INTERACTIVE_CONTACT\",", "")), 400);
        assertThat(field(problem)).isEqualTo("task.type");
    }

    @Test
    void missingTaskIsNamed() {
        JsonNode problem = problem(http.post("/api/v1/decisions", "{\"carePlan\": {\"program\": \"TCM\"}}"), 400);
        assertThat(field(problem)).isEqualTo("task");
    }

    @Test
    void timestampWithoutOffsetIsRejected() {
        JsonNode problem = problem(http.post("/api/v1/decisions",
                Requests.workedExample().replace("\"2026-03-09T10:15:00-04:00\"", "\"2026-03-09T10:15:00\"")), 400);
        assertThat(field(problem)).isEqualTo("asOf");
        assertThat(problem.path("errors").get(0).path("message").asText()).contains("offset");
    }

    @Test
    void unknownProgramListsTheKnownOnes() {
        JsonNode problem = problem(http.post("/api/v1/decisions",
                Requests.workedExample().replace("\"program\": \"TCM\"", "\"program\": \"ZUMBA\"")), 400);
        assertThat(field(problem)).isEqualTo("carePlan.program");
        assertThat(problem.path("errors").get(0).path("message").asText()).contains("TCM").doesNotContain("ZUMBA");
    }

    @Test
    void unknownTaskTypeIsNamed() {
        JsonNode problem = problem(http.post("/api/v1/decisions",
                Requests.workedExample().replace("\"TCM_INTERACTIVE_CONTACT\"", "\"TELEPATHY\"")), 400);
        assertThat(field(problem)).isEqualTo("task.type");
    }

    @Test
    void unknownCalendarAndTimeZoneAreNamed() {
        JsonNode calendar = problem(http.post("/api/v1/decisions",
                Requests.workedExample().replace("\"US_FEDERAL\"", "\"MARS\"")), 400);
        assertThat(field(calendar)).isEqualTo("practice.calendar");
        JsonNode zone = problem(http.post("/api/v1/decisions",
                Requests.workedExample().replace("\"America/New_York\"", "\"Mars/Olympus\"")), 400);
        assertThat(field(zone)).isEqualTo("practice.timeZone");
    }

    @Test
    void bodyOverOneMegabyteIsRefused() {
        String padding = "x".repeat(1_100_000);
        JsonNode problem = problem(http.post("/api/v1/decisions",
                Requests.workedExample().replace("\"pt-1001\"", "\"" + padding + "\"")), 413);
        assertThat(problem.path("detail").asText()).contains("1048576");
    }

    @Test
    void deeplyNestedJsonIsRefused() {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        problem(http.post("/api/v1/decisions", "{\"task\": " + deep + "}"), 400);
    }

    @Test
    void tenThousandElementArrayIsRefused() {
        String many = IntStream.range(0, 10_000).mapToObj(i -> "{}").collect(Collectors.joining(",", "{\"requests\":[", "]}"));
        JsonNode problem = problem(http.post("/api/v1/decisions/batch", many), 400);
        assertThat(field(problem)).isEqualTo("requests");
    }

    @Test
    void arrayWhereAnObjectBelongsIsNamed() {
        String many = IntStream.range(0, 10_000).mapToObj(String::valueOf).collect(Collectors.joining(",", "[", "]"));
        JsonNode problem = problem(http.post("/api/v1/decisions", "{\"task\": " + many + "}"), 400);
        assertThat(field(problem)).isEqualTo("task");
    }

    @Test
    void invalidItemOfABatchIsNamedByIndex() {
        String batch = "{\"requests\":[" + Requests.workedExample() + ","
                + Requests.workedExample().replace("\"attempts\": 0", "\"attempts\": -1") + "]}";
        JsonNode problem = problem(http.post("/api/v1/decisions/batch", batch), 400);
        assertThat(field(problem)).isEqualTo("requests[1].task.attempts");
    }

    /** JSON types are part of the contract: no scalar is coerced into another type, and the value sent is not repeated. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"requestId\": \"REQ\"|\"requestId\": true|requestId",
            "\"requestId\": \"REQ\"|\"requestId\": 12345678901234567890|requestId",
            "\"requestId\": \"REQ\"|\"requestId\": -1.5|requestId",
            "\"asOf\": \"2026-03-09T10:15:00-04:00\"|\"asOf\": -1.5|asOf",
            "\"asOf\": \"2026-03-09T10:15:00-04:00\"|\"asOf\": 1773065700|asOf",
            "\"attempts\": 0|\"attempts\": \"3\"|task.attempts",
            "\"consentOnFile\": true|\"consentOnFile\": \"true\"|patient.consentOnFile",
            "\"id\": \"pt-1001\"|\"id\": 1001|patient.id"})
    void noScalarIsCoercedIntoAnotherType(String valid, String invalid, String field) {
        String body = Requests.workedExample("REQ").replace(valid, invalid);
        assertThat(body).as("the test replaced the field").contains(invalid);
        HttpJson.Response response = http.post("/api/v1/decisions", body);
        JsonNode problem = problem(response, 400);
        assertThat(field(problem)).isEqualTo(field);
        String sent = invalid.substring(invalid.indexOf(':') + 2).replace("\"", "");
        if (sent.length() >= 4) {
            assertThat(response.text()).doesNotContain(sent);
        }
    }

    @Test
    void otherBodiesAreReadAsStrictly() {
        HttpJson.Response response = http.asUser("clinlead").post("/api/v1/rule-sets/1/approval", "{\"note\": 12345}");
        assertThat(field(problem(response, 400))).isEqualTo("note");
        assertThat(response.text()).doesNotContain("12345");
    }

    @Test
    void wrongMediaTypeIsAProblemToo() {
        HttpJson.Response response = http.post("/api/v1/decisions", "hello", "Content-Type", "text/plain");
        problem(response, 415);
    }
}
