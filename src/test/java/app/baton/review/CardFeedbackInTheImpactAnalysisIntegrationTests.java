package app.baton.review;

import app.baton.HttpJson;
import app.baton.WebIntegrationTest;
import app.baton.ruleset.Lifecycle;
import app.baton.ruleset.RoutingChange;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An impact analysis shows, beside each table row the candidate changes, what clinicians in the EHR did with that row's
 * CDS Hooks cards under the base version (cards shown, accepted, overridden, top override reasons), read live through
 * the CDS Hooks module's figures; in the API and on the console page. The cards and feedback are stored as the hooks
 * store them.
 */
class CardFeedbackInTheImpactAnalysisIntegrationTests extends WebIntegrationTest {

    private static final String ROUTING = "decision-tables/app/baton/engine/model/routing.drl.xlsx";

    @Autowired
    JdbcClient jdbc;

    private UUID card(int version, String row) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into cds_card (id, service, decision_id, rule_set_version, rule_source, issued_at)
                        values (:id, 'patient-view', :decision, :version, :row, now())""")
                .param("id", id).param("decision", UUID.randomUUID()).param("version", version).param("row", row).update();
        return id;
    }

    private void feedback(UUID card, String outcome, String code, String display) {
        jdbc.sql("""
                        insert into cds_feedback (card_id, outcome, override_code, override_display, outcome_at, recorded_at)
                        values (:id, :outcome, :code, :display, :at, :at)""")
                .param("id", card).param("outcome", outcome).param("code", code).param("display", display)
                .param("at", OffsetDateTime.now()).update();
    }

    @Test
    void eachChangedRowCarriesItsCardFeedback() {
        int candidate = Lifecycle.approvedRoutingChange(http, jdbc);
        int base = jdbc.sql("""
                        select coalesce(c.base_version, (select version from rule_set_version where status = 'ACTIVE'))
                        from rule_set_version c where c.version = :v""").param("v", candidate).query(Integer.class).single();
        byte[] table = jdbc.sql("select content from rule_set_file where version = :v and path = :p").param("v", base).param("p", ROUTING)
                .query(byte[].class).single();
        int row = RoutingChange.routingRow(table);
        String source = ROUTING + "#Routing!row " + row;
        long before = jdbc.sql("select count(*) from cds_card where rule_set_version = :v and rule_source = :r")
                .param("v", base).param("r", source).query(Long.class).single();
        feedback(card(base, source), "accepted", null, null);
        feedback(card(base, source), "overridden", "already-done", "Already done");
        feedback(card(base, source), "overridden", "already-done", "Already done");
        feedback(card(base, source), "overridden", "later", "Will do it later");

        HttpJson.Response started = http.asUser("clinlead").post("/api/v1/rule-sets/" + candidate + "/impact-analyses", "{\"lastDecisions\": 1}");
        assertThat(started.status()).as(started.text()).isEqualTo(202);
        JsonNode analysis = http.asUser("clinlead").get(started.header("Location")).json();

        List<JsonNode> rows = new ArrayList<>();
        analysis.path("changedRows").forEach(rows::add);
        JsonNode changed = rows.stream().filter(r -> r.path("source").asText().equals(source)).findFirst().orElseThrow();
        assertThat(changed.path("change").asText()).isEqualTo("changed");
        assertThat(changed.path("row").asInt()).isEqualTo(row);
        assertThat(changed.path("cards").asLong()).isEqualTo(before + 4);
        assertThat(changed.path("accepted").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(changed.path("overridden").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(changed.path("topReasons").path(0).path("code").asText()).isEqualTo("already-done");
        assertThat(changed.path("topReasons").size()).isLessThanOrEqualTo(3);
        assertThat(http.asUser("clinlead").get("/api/v1/rule-sets/" + candidate + "/impact-analyses").json().path(0).has("changedRows"))
                .as("the list leaves the rows out").isFalse();

        String page = http.asUser("clinlead").get("/console/rules/" + candidate + "/impact-analyses/" + analysis.path("id").asText(),
                "Accept", "text/html").text();
        assertThat(page).contains("Changed rows and their EHR cards").contains("Already done (").contains("Will do it later (");
    }
}
