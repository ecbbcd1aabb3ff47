package app.baton.ruleset;

import app.baton.HttpJson;
import app.baton.Requests;
import app.baton.WebIntegrationTest;
import app.baton.engine.LibreOffice;
import app.baton.engine.Workbooks;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The whole path of a rule change, as a clinical lead walks it: download the active routing table,
 * change one row in LibreOffice (first with a typo, then right), upload, read validation and
 * scenario results, the diff and the impact report, approval by a second lead, activation under
 * load with no failed decision, the next decision on the new row, rollback, and the old row again.
 */
class GovernanceJourneyIntegrationTests extends WebIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void versionOneDecidesAgain() {
        Lifecycle.restoreVersionOne(http.asUser("clinlead"), jdbc);
    }

    @Test
    void aRoutingChangeGoesFromExcelToProductionAndBack() throws Exception {
        assumeTrue(LibreOffice.available(), "needs soffice (apt-get install libreoffice-calc-nogui; .ci/run installs it)");
        HttpJson lead = http.asUser("clinlead");
        HttpJson secondLead = http.asUser("clinlead2");
        for (int i = 0; i < 5; i++) {
            decide();
        }

        // Download the active routing table and the TCM scenarios.
        JsonNode active = lead.get("/api/v1/rule-sets/active").json();
        int activeVersion = active.path("version").path("version").asInt();
        byte[] routing = lead.download(RuleSetLifecycleIntegrationTests.fileLink(active, RuleSetLifecycleIntegrationTests.ROUTING)).body();
        byte[] tcm = lead.download(RuleSetLifecycleIntegrationTests.fileLink(active, RuleSetLifecycleIntegrationTests.TCM)).body();
        int row = RoutingChange.routingRow(routing);
        String queueCell = "G" + row;

        // A typo in the queue, saved by LibreOffice: refused, on that cell, and nothing stored.
        byte[] typo = LibreOffice.setCell(routing, queueCell, "NURSNG");
        HttpJson.Response refused = upload(lead, Map.of("routing.drl.xlsx", typo), "TCM contacts to the nurses");
        assertThat(refused.status()).as(refused.text()).isEqualTo(422);
        assertThat(refused.json().path("errors").findValuesAsText("cell")).contains(queueCell);
        assertThat(refused.json().path("errors").toString()).contains("NURSNG");

        // Fixed in LibreOffice (queue and role of that row), with the scenarios that pin the old queue updated.
        byte[] fixed = LibreOffice.roundTrip(Workbooks.edit(routing, wb -> {
            Workbooks.cell(wb, queueCell).setCellValue(RoutingChange.NEW_QUEUE);
            Workbooks.cell(wb, "H" + row).setCellValue("CLINICAL_STAFF");
        }));
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("routing.drl.xlsx", fixed);
        files.put("tcm.yaml", RoutingChange.tcmScenarios(withComment(tcm)));
        HttpJson.Response uploaded = upload(lead, files, "TCM contacts to the nurses");
        assertThat(uploaded.status()).as(uploaded.text()).isEqualTo(201);
        int candidate = uploaded.json().path("version").path("version").asInt();
        assertThat(uploaded.json().path("gate").path("passed").asBoolean()).as(uploaded.json().path("gate").toString()).isTrue();
        JsonNode results = lead.get("/api/v1/rule-sets/" + candidate + "/scenario-results").json();
        assertThat(results.findValuesAsText("passed")).isNotEmpty().containsOnly("true");

        // The diff names the changed cells with old and new values.
        JsonNode diff = lead.get("/api/v1/rule-sets/" + candidate + "/diff?against=" + activeVersion).json();
        JsonNode routingDiff = fileDiff(diff, RuleSetLifecycleIntegrationTests.ROUTING);
        JsonNode changedRow = routingDiff.path("sheets").get(0).path("tables").get(0).path("rowsChanged").get(0);
        assertThat(changedRow.path("cells").findValuesAsText("newCell")).contains(queueCell);
        assertThat(changedRow.path("cells").findValuesAsText("oldValue")).contains(RoutingChange.OLD_QUEUE);
        assertThat(changedRow.path("cells").findValuesAsText("newValue")).contains(RoutingChange.NEW_QUEUE);

        // The impact report on recorded decisions counts the move.
        HttpJson.Response started = lead.post("/api/v1/rule-sets/" + candidate + "/impact-analyses", "{\"lastDecisions\": 50}");
        assertThat(started.status()).as(started.text()).isEqualTo(202);
        JsonNode report = awaitFinished(lead, started.header("Location")).path("report");
        assertThat(report.path("routingMoves").toString()).contains(RoutingChange.OLD_QUEUE, RoutingChange.NEW_QUEUE);
        assertThat(report.path("changedByKind").path("ROUTING_MOVED").asInt()).isPositive();

        // A second clinical lead approves; activation under load fails no decision.
        assertThat(secondLead.post("/api/v1/rule-sets/" + candidate + "/approval", "{\"note\": \"read the diff and the impact\"}").status())
                .isEqualTo(200);
        List<Integer> statuses = underLoad(() -> {
            HttpJson.Response activated = lead.post("/api/v1/rule-sets/" + candidate + "/activation", "{\"note\": \"go live\"}");
            assertThat(activated.status()).as(activated.text()).isEqualTo(200);
        });
        assertThat(statuses).isNotEmpty().containsOnly(200);

        // The next decision uses the new row, and says so.
        JsonNode after = decide();
        assertThat(after.path("ruleSetVersion").asText()).isEqualTo(String.valueOf(candidate));
        assertThat(after.path("routing").path("queue").asText()).isEqualTo(RoutingChange.NEW_QUEUE);
        assertThat(after.path("trace").findValuesAsText("source")).contains(RuleSetLifecycleIntegrationTests.ROUTING + "#Routing!row " + row);

        // Roll back: the old row decides again.
        assertThat(secondLead.post("/api/v1/rule-sets/" + activeVersion + "/activation", "{\"note\": \"roll back\"}").status()).isEqualTo(200);
        JsonNode back = decide();
        assertThat(back.path("ruleSetVersion").asText()).isEqualTo(String.valueOf(activeVersion));
        assertThat(back.path("routing").path("queue").asText()).isEqualTo(RoutingChange.OLD_QUEUE);
        assertThat(back.path("trace").findValuesAsText("source")).contains(RuleSetLifecycleIntegrationTests.ROUTING + "#Routing!row " + row);
    }

    /** Runs {@code action} while four clients fire decisions; returns every decision's status. */
    List<Integer> underLoad(Runnable action) throws Exception {
        AtomicBoolean firing = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<Future<List<Integer>>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                answers.add(clients.submit(() -> {
                    HttpJson client = new HttpJson(port);
                    List<Integer> statuses = new ArrayList<>();
                    while (firing.get()) {
                        statuses.add(client.post("/api/v1/decisions", Requests.workedExample(UUID.randomUUID().toString())).status());
                    }
                    return statuses;
                }));
            }
            Thread.sleep(200);
            action.run();
            Thread.sleep(200);
        } finally {
            firing.set(false);
            clients.shutdown();
        }
        List<Integer> all = new ArrayList<>();
        for (Future<List<Integer>> client : answers) {
            all.addAll(client.get());
        }
        return all;
    }

    JsonNode decide() {
        HttpJson.Response response = http.post("/api/v1/decisions", Requests.workedExample(UUID.randomUUID().toString()));
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    static JsonNode awaitFinished(HttpJson as, String location) throws InterruptedException {
        JsonNode analysis = as.get(location).json();
        for (int i = 0; i < 600 && analysis.path("status").asText().equals("RUNNING"); i++) {
            Thread.sleep(50);
            analysis = as.get(location).json();
        }
        assertThat(analysis.path("status").asText()).as(analysis.toString()).isEqualTo("COMPLETED");
        return analysis;
    }

    static JsonNode fileDiff(JsonNode diff, String path) {
        for (JsonNode file : diff.path("files")) {
            if (file.path("path").asText().equals(path)) {
                return file;
            }
        }
        throw new AssertionError("the diff does not list " + path + ": " + diff);
    }

    /** A comment keeps the upload unique: another test may have stored the same change before. */
    static byte[] withComment(byte[] yaml) {
        return ("# journey " + UUID.randomUUID() + "\n" + new String(yaml, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
    }

    static HttpJson.Response upload(HttpJson as, Map<String, byte[]> files, String note) {
        return as.upload("/api/v1/rule-sets", Map.of("changeNote", note), "files", new LinkedHashMap<>(files));
    }
}
