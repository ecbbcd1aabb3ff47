package app.baton.console.ruleset;

import app.baton.HttpJson;
import app.baton.WebIntegrationTest;
import app.baton.ruleset.Lifecycle;
import app.baton.ruleset.RoutingChange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules pages tell the truth: a draft whose test gate failed says so, a retired version newer than
 * the active one is activated again (no "roll back"), and an activation's note is in the audit table.
 */
class RuleSetPagesIntegrationTests extends WebIntegrationTest {

    private static final String ROUTING = "decision-tables/app/baton/engine/model/routing.drl.xlsx";

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void versionOneDecidesAgain() {
        Lifecycle.restoreVersionOne(http.asUser("clinlead"), jdbc);
    }

    @Test
    void aDraftWhoseGateFailedSaysSoOnTheTimelineAndItsPage() {
        byte[] tcm = ("# " + UUID.randomUUID() + "\n" + new String(stored("test-scenarios/tcm.yaml"), StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("routing.drl.xlsx", RoutingChange.routingTable(stored(ROUTING)));
        files.put("tcm.yaml", tcm);
        HttpJson.Response uploaded = http.asUser("clinlead").upload("/api/v1/rule-sets", Map.of("changeNote", "gate fails"), "files", files);
        assertThat(uploaded.status()).as(uploaded.text()).isEqualTo(201);
        int version = uploaded.json().path("version").path("version").asInt();

        String timeline = page("compliance", "/console/rules");
        String entry = timeline.substring(timeline.indexOf("id=\"version-" + version + "\""));
        entry = entry.substring(0, entry.indexOf("</li>"));
        assertThat(entry).contains("test gate failed").contains(">Draft<");
        assertThat(page("clinlead", "/console/rules/" + version)).contains("id=\"gate-failed\"");
    }

    @Test
    void aRetiredVersionNewerThanTheActiveOneIsActivatedAgainNotRolledBackTo() {
        int version = Lifecycle.approvedRoutingChange(http, jdbc);
        String note = "go live " + UUID.randomUUID();
        assertThat(http.asUser("clinlead").post("/api/v1/rule-sets/" + version + "/activation", "{\"note\": \"" + note + "\"}").status())
                .isEqualTo(200);
        String back = "nurses are overloaded " + UUID.randomUUID();
        assertThat(http.asUser("clinlead2").post("/api/v1/rule-sets/1/activation", "{\"note\": \"" + back + "\"}").status()).isEqualTo(200);

        String newer = page("clinlead", "/console/rules/" + version);
        assertThat(newer).doesNotContain("Roll back to this version").contains("Activate this version again");
        String confirm = page("clinlead", "/console/rules/" + version + "/activation");
        assertThat(confirm).contains("Activate again version " + version).doesNotContain("This is a rollback");

        String audit = page("compliance", "/console/audit");
        assertThat(audit).contains("Details").contains(back);

        // Going forward to it again is an activation, in its history and in the audit trail; only going back is a rollback.
        String again = "forward again " + UUID.randomUUID();
        assertThat(http.asUser("clinlead").post("/api/v1/rule-sets/" + version + "/activation", "{\"note\": \"" + again + "\"}").status())
                .isEqualTo(200);
        assertThat(jdbc.sql("select kind from rule_set_event where version = :v and note = :n")
                .param("v", version).param("n", again).query(String.class).single()).isEqualTo("ACTIVATED");
        assertThat(jdbc.sql("select kind from rule_set_event where version = 1 and note = :n")
                .param("n", back).query(String.class).single()).isEqualTo("ROLLED_BACK");
    }

    private String page(String user, String path) {
        HttpJson.Response response = http.asUser(user).get(path, "Accept", "text/html");
        assertThat(response.status()).as(user + " " + path + ": " + response.text()).isEqualTo(200);
        return response.text();
    }

    private byte[] stored(String path) {
        return jdbc.sql("select content from rule_set_file where version = 1 and path = :p").param("p", path).query(byte[].class).single();
    }
}
