package app.baton.console.ruleset;

import app.baton.WebIntegrationTest;
import app.baton.ruleset.Lifecycle;
import app.baton.ruleset.RoutingChange;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.OffsetDateTime;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reviewing a change, a clinical lead sees beside a changed row what clinicians in the EHR did with that row's CDS Hooks
 * cards under the version it changes (the cards and feedback are stored here as the hooks store them).
 */
class CardFiguresOnTheDiffIntegrationTests extends WebIntegrationTest {

    private static final String ROUTING = "decision-tables/app/baton/engine/model/routing.drl.xlsx";

    @Autowired
    JdbcClient jdbc;

    private UUID card(String row) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into cds_card (id, service, decision_id, rule_set_version, rule_source, issued_at)
                        values (:id, 'patient-view', :decision, 1, :row, now())""")
                .param("id", id).param("decision", UUID.randomUUID()).param("row", row).update();
        return id;
    }

    @Test
    void aChangedRowShowsHowItsCardsFared() {
        int version = Lifecycle.approvedRoutingChange(http, jdbc);
        byte[] table = jdbc.sql("select content from rule_set_file where version = 1 and path = :p").param("p", ROUTING)
                .query(byte[].class).single();
        int row = RoutingChange.routingRow(table);
        String source = ROUTING + "#Routing!row " + row;
        card(source);
        UUID overridden = card(source);
        jdbc.sql("""
                        insert into cds_feedback (card_id, outcome, override_code, override_display, outcome_at, recorded_at)
                        values (:id, 'overridden', 'already-done', 'Already done', :at, :at)""")
                .param("id", overridden).param("at", OffsetDateTime.now()).update();

        String page = http.asUser("clinlead").get("/console/rules/" + version + "/diff?against=1", "Accept", "text/html").text();

        assertThat(page).containsPattern("EHR cards of row " + row + ": \\d+ shown, \\d+ accepted, [1-9]\\d* overridden");
    }
}
