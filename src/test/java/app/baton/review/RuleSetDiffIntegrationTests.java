package app.baton.review;

import app.baton.HttpJson;
import app.baton.WebIntegrationTest;
import app.baton.ruleset.RuleSets;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /api/v1/rule-sets/{version}/diff over HTTP, as the people who review rule changes. */
class RuleSetDiffIntegrationTests extends WebIntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    RuleSets ruleSets;

    @Test
    void diffNamesExactlyTheChangedCellWithOldAndNewValue() {
        int candidate = new TestVersions(jdbc, ruleSets).withRoutingCell("G28", "NURSING");

        HttpJson.Response response = http.asUser("clinlead").get("/api/v1/rule-sets/" + candidate + "/diff?against=1");

        assertThat(response.status()).as(response.text()).isEqualTo(200);
        JsonNode diff = response.json();
        assertThat(diff.path("from").path("version").asInt()).isEqualTo(1);
        assertThat(diff.path("to").path("version").asInt()).isEqualTo(candidate);
        assertThat(diff.path("to").path("status").asText()).isEqualTo("DRAFT");
        assertThat(diff.path("summary").path("filesChanged").asInt()).isEqualTo(1);
        assertThat(diff.path("files")).hasSize(1);
        JsonNode file = diff.path("files").get(0);
        assertThat(file.path("path").asText()).isEqualTo(TestVersions.ROUTING);
        JsonNode table = file.path("sheets").get(0).path("tables").get(0);
        assertThat(table.path("rowsAdded")).isEmpty();
        assertThat(table.path("rowsRemoved")).isEmpty();
        assertThat(table.path("rowsChanged")).hasSize(1);
        JsonNode cells = table.path("rowsChanged").get(0).path("cells");
        assertThat(cells).hasSize(1);
        assertThat(cells.get(0).path("column").asText()).isEqualTo("Queue");
        assertThat(cells.get(0).path("oldCell").asText()).isEqualTo("G28");
        assertThat(cells.get(0).path("newCell").asText()).isEqualTo("G28");
        assertThat(cells.get(0).path("oldValue").asText()).isEqualTo("CARE_COORDINATION");
        assertThat(cells.get(0).path("newValue").asText()).isEqualTo("NURSING");
    }

    @Test
    void complianceReviewerReadsTheSameDiffTheOtherWayRound() {
        int candidate = new TestVersions(jdbc, ruleSets).withRoutingCell("G28", "NURSING");

        HttpJson.Response response = http.asUser("compliance").get("/api/v1/rule-sets/1/diff?against=" + candidate);

        assertThat(response.status()).isEqualTo(200);
        JsonNode cell = response.json().path("files").get(0).path("sheets").get(0).path("tables").get(0)
                .path("rowsChanged").get(0).path("cells").get(0);
        assertThat(cell.path("oldValue").asText()).isEqualTo("NURSING");
        assertThat(cell.path("newValue").asText()).isEqualTo("CARE_COORDINATION");
    }

    @Test
    void aVersionAgainstItselfHasNoChanges() {
        HttpJson.Response response = http.asUser("clinlead").get("/api/v1/rule-sets/1/diff?against=1");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("files")).isEmpty();
        assertThat(response.json().path("summary").path("filesUnchanged").asInt()).isGreaterThan(5);
    }

    @Test
    void unknownVersionIsNotFound() {
        HttpJson.Response response = http.asUser("clinlead").get("/api/v1/rule-sets/1/diff?against=99999");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().path("type").asText()).isEqualTo("urn:baton:problem:rule-set-not-found");
    }

    @Test
    void missingOrMalformedAgainstIsABadRequestNamingTheFieldAndAMalformedPathVersionIsNotFound() {
        HttpJson.Response missing = http.asUser("clinlead").get("/api/v1/rule-sets/1/diff");
        HttpJson.Response malformed = http.asUser("clinlead").get("/api/v1/rule-sets/one/diff?against=1");
        HttpJson.Response malformedAgainst = http.asUser("clinlead").get("/api/v1/rule-sets/1/diff?against=one");

        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(missing.json().path("errors").get(0).path("field").asText()).isEqualTo("against");
        assertThat(malformedAgainst.status()).isEqualTo(400);
        assertThat(malformedAgainst.json().path("errors").get(0).path("field").asText()).isEqualTo("against");
        assertThat(malformed.status()).isEqualTo(404);
        assertThat(malformed.json().path("type").asText()).isEqualTo("urn:baton:problem:rule-set-not-found");
    }

    @Test
    void peopleWhoDoNotReviewRulesMayNotReadDiffs() {
        assertThat(http.asUser("coordinator").get("/api/v1/rule-sets/1/diff?against=1").status()).isEqualTo(403);
        assertThat(http.get("/api/v1/rule-sets/1/diff?against=1").status()).isEqualTo(403);
    }
}
