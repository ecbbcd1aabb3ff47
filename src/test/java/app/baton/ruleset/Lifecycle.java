package app.baton.ruleset;

import app.baton.HttpJson;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Shared steps of the governance tests. */
public final class Lifecycle {

    private Lifecycle() {
    }

    /**
     * Uploads the routing change (TCM contacts to the nurses, with the TCM scenarios to match) as
     * clinlead, approves it as clinlead2, and returns the approved version's number.
     */
    public static int approvedRoutingChange(HttpJson http, JdbcClient jdbc) {
        return approvedRoutingChange(http, jdbc, "");
    }

    /**
     * The routing change as a version of its own, never one an earlier test uploaded (and perhaps activated
     * already): its scenario file ends with a comment no other upload has.
     */
    public static int newApprovedRoutingChange(HttpJson http, JdbcClient jdbc) {
        return approvedRoutingChange(http, jdbc, "\n# " + UUID.randomUUID() + "\n");
    }

    private static int approvedRoutingChange(HttpJson http, JdbcClient jdbc, String marker) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("routing.drl.xlsx", RoutingChange.routingTable(stored(jdbc, RuleSetLifecycleIntegrationTests.ROUTING)));
        byte[] tcm = RoutingChange.tcmScenarios(stored(jdbc, RuleSetLifecycleIntegrationTests.TCM));
        files.put("tcm.yaml", (new String(tcm, java.nio.charset.StandardCharsets.UTF_8) + marker)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        HttpJson.Response uploaded = http.asUser("clinlead").upload("/api/v1/rule-sets",
                Map.of("changeNote", "TCM contacts go to the nurses " + UUID.randomUUID()), "files", files);
        if (uploaded.status() == 422 && uploaded.text().contains("identical to version")) {
            return reuse(http, jdbc, uploaded);
        }
        assertThat(uploaded.status()).as(uploaded.text()).isEqualTo(201);
        int version = uploaded.json().path("version").path("version").asInt();
        HttpJson.Response approved = http.asUser("clinlead2").post("/api/v1/rule-sets/" + version + "/approval",
                "{\"note\": \"checked\"}");
        assertThat(approved.status()).as(approved.text()).isEqualTo(200);
        return version;
    }

    /** The same change was uploaded by an earlier test: that version is approved (or retired) already. */
    private static int reuse(HttpJson http, JdbcClient jdbc, HttpJson.Response refused) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("identical to version (\\d+)").matcher(refused.text());
        assertThat(m.find()).isTrue();
        int version = Integer.parseInt(m.group(1));
        String status = jdbc.sql("select status from rule_set_version where version = :v").param("v", version).query(String.class).single();
        if (status.equals("DRAFT")) {
            HttpJson.Response approved = http.asUser("clinlead2").post("/api/v1/rule-sets/" + version + "/approval",
                    "{\"note\": \"checked\"}");
            assertThat(approved.status()).as(approved.text()).isEqualTo(200);
        }
        return version;
    }

    private static byte[] stored(JdbcClient jdbc, String path) {
        return jdbc.sql("select content from rule_set_file where version = 1 and path = :p")
                .param("p", path).query(byte[].class).single();
    }

    /** Other tests expect the starter pack to decide: roll back to version 1 when a test activated another. */
    public static void restoreVersionOne(HttpJson clinicalLead, JdbcClient jdbc) {
        boolean oneIsActive = jdbc.sql("select status = 'ACTIVE' from rule_set_version where version = 1").query(Boolean.class).single();
        if (!oneIsActive) {
            HttpJson.Response back = clinicalLead.post("/api/v1/rule-sets/1/activation", "{\"note\": \"test clean-up\"}");
            assertThat(back.status()).as(back.text()).isEqualTo(200);
        }
    }
}
