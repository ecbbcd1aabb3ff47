package app.baton.ruleset;

import app.baton.HttpJson;
import app.baton.Requests;
import app.baton.WebIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Upload, test gate, four-eyes approval, activation without restart and rollback, over HTTP. */
class RuleSetLifecycleIntegrationTests extends WebIntegrationTest {

    static final String ROUTING = "decision-tables/app/baton/engine/model/routing.drl.xlsx";
    static final String TCM = "test-scenarios/tcm.yaml";

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void versionOneDecidesAgain() {
        Lifecycle.restoreVersionOne(http.asUser("clinlead"), jdbc);
    }

    @Test
    void aClinicalLeadDownloadsTheActiveTablesByteForByte() {
        JsonNode active = http.asUser("clinlead").get("/api/v1/rule-sets/active").json();
        String link = fileLink(active, ROUTING);

        HttpResponse<byte[]> table = http.asUser("clinlead").download(link);

        assertThat(table.statusCode()).isEqualTo(200);
        assertThat(table.headers().firstValue("Content-Type")).hasValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(table.headers().firstValue("Content-Disposition").orElseThrow()).contains("routing.drl.xlsx");
        assertThat(table.body()).isEqualTo(storedFile(active.path("version").path("version").asInt(), ROUTING));
        HttpResponse<byte[]> bundle = http.asUser("compliance").download("/api/v1/rule-sets/1/bundle.zip");
        assertThat(bundle.statusCode()).isEqualTo(200);
        assertThat(new String(bundle.body(), 0, 2)).isEqualTo("PK");
        assertThat(active.path("inputsRead").toString()).contains("carePlan.dischargeAt", "task.type");
    }

    @Test
    void aChangedTableGoesFromDraftThroughFourEyesToActiveAndBackByRollback() {
        HttpJson author = http.asUser("clinlead");
        HttpJson second = http.asUser("clinlead2");
        assertThat(decide().path("routing").path("queue").asText()).isEqualTo(RoutingChange.OLD_QUEUE);

        HttpJson.Response uploaded = upload(author, Map.of(
                "routing.drl.xlsx", RoutingChange.routingTable(storedFile(1, ROUTING)),
                "tcm.yaml", RoutingChange.tcmScenarios(storedFile(1, TCM))), "TCM contacts go to the nurses");
        assertThat(uploaded.status()).as(uploaded.text()).isEqualTo(201);
        JsonNode draft = uploaded.json();
        int version = draft.path("version").path("version").asInt();
        assertThat(uploaded.header("Location")).isEqualTo("/api/v1/rule-sets/" + version);
        assertThat(draft.path("version").path("status").asText()).isEqualTo("DRAFT");
        assertThat(draft.path("version").path("author").asText()).isEqualTo("clinlead");
        assertThat(draft.path("version").path("baseVersion").asInt()).isEqualTo(1);
        assertThat(draft.path("gate").path("passed").asBoolean()).as(draft.path("gate").toString()).isTrue();
        assertThat(draft.path("gate").path("scenarios").asInt()).isGreaterThan(60);
        assertThat(author.get("/api/v1/rule-sets/" + version + "/scenario-results").json()).hasSizeGreaterThan(60);

        HttpJson.Response selfApproval = author.post("/api/v1/rule-sets/" + version + "/approval", "{\"note\": \"looks right\"}");
        assertThat(selfApproval.status()).isEqualTo(403);
        assertThat(selfApproval.json().path("type").asText()).isEqualTo("urn:baton:problem:four-eyes");
        assertThat(jdbc.sql("""
                        select actor from audit_event where action = 'RULE_SET_APPROVED' and outcome = 'DENIED'
                        and object_id = :version""").param("version", String.valueOf(version)).query(String.class).list())
                .as("the four-eyes refusal is in the audit trail, by its author").containsExactly("clinlead");
        HttpJson.Response early = author.post("/api/v1/rule-sets/" + version + "/activation", "{\"note\": \"go\"}");
        assertThat(early.status()).isEqualTo(409);
        assertThat(decide().path("ruleSetVersion").asText()).isEqualTo("1");

        HttpJson.Response approved = second.post("/api/v1/rule-sets/" + version + "/approval", "{\"note\": \"checked the TCM rows\"}");
        assertThat(approved.status()).as(approved.text()).isEqualTo(200);
        assertThat(approved.json().path("version").path("status").asText()).isEqualTo("APPROVED");
        assertThat(approved.json().path("version").path("approver").asText()).isEqualTo("clinlead2");

        HttpJson.Response activated = author.post("/api/v1/rule-sets/" + version + "/activation", "{\"note\": \"go live\"}");
        assertThat(activated.status()).as(activated.text()).isEqualTo(200);
        assertThat(activated.json().path("version").path("status").asText()).isEqualTo("ACTIVE");
        JsonNode after = decide();
        assertThat(after.path("ruleSetVersion").asText()).isEqualTo(String.valueOf(version));
        assertThat(after.path("routing").path("queue").asText()).isEqualTo(RoutingChange.NEW_QUEUE);
        assertThat(after.toString()).contains("routing.drl.xlsx");

        HttpJson.Response rolledBack = second.post("/api/v1/rule-sets/1/activation", "{\"note\": \"nurses are overloaded\"}");
        assertThat(rolledBack.status()).as(rolledBack.text()).isEqualTo(200);
        JsonNode back = decide();
        assertThat(back.path("ruleSetVersion").asText()).isEqualTo("1");
        assertThat(back.path("routing").path("queue").asText()).isEqualTo(RoutingChange.OLD_QUEUE);

        JsonNode history = author.get("/api/v1/rule-sets/" + version).json().path("history");
        assertThat(history.findValuesAsText("kind")).containsExactly("CREATED", "APPROVED", "ACTIVATED", "RETIRED");
        assertThat(author.get("/api/v1/rule-sets/1").json().path("history").findValuesAsText("kind")).endsWith("ROLLED_BACK");
        assertThat(jdbc.sql("select action from audit_event where object_type = 'rule_set_version' and object_id in (:v, '1') order by staged_number")
                .param("v", String.valueOf(version)).query(String.class).list())
                .containsSubsequence("RULE_SET_CREATED", "RULE_SET_APPROVED", "RULE_SET_ACTIVATED", "RULE_SET_ROLLED_BACK");
    }

    @Test
    void twoLeadsActivatingAtOnceLeaveExactlyOneActiveVersion() throws Exception {
        int candidate = Lifecycle.approvedRoutingChange(http, jdbc);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = pool.submit(() -> http.asUser("clinlead").post("/api/v1/rule-sets/" + candidate + "/activation", "{\"note\": \"a\"}"));
            var second = pool.submit(() -> http.asUser("clinlead2").post("/api/v1/rule-sets/1/activation", "{\"note\": \"b\"}"));
            List<Integer> statuses = List.of(first.get().status(), second.get().status());

            assertThat(statuses).allSatisfy(status -> assertThat(status).isIn(200, 409));
            assertThat(jdbc.sql("select count(*) from rule_set_version where status = 'ACTIVE'").query(Integer.class).single()).isEqualTo(1);
            String active = jdbc.sql("select version::text from rule_set_version where status = 'ACTIVE'").query(String.class).single();
            assertThat(decide().path("ruleSetVersion").asText()).isEqualTo(active);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aDraftWhoseScenariosFailIsStoredButCannotBeApproved() {
        // A comment makes the bundle unique: another test may have stored the same routing change before.
        byte[] tcm = ("# " + UUID.randomUUID() + "\n" + new String(storedFile(1, TCM), java.nio.charset.StandardCharsets.UTF_8))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        HttpJson.Response uploaded = upload(http.asUser("clinlead"),
                Map.of("routing.drl.xlsx", RoutingChange.routingTable(storedFile(1, ROUTING)), "tcm.yaml", tcm),
                "nurses take TCM contacts");
        assertThat(uploaded.status()).as(uploaded.text()).isEqualTo(201);
        JsonNode gate = uploaded.json().path("gate");
        assertThat(gate.path("passed").asBoolean()).isFalse();
        assertThat(gate.path("failed").asInt()).isPositive();
        assertThat(gate.path("failures").get(0).path("failures").get(0).asText()).contains("queue: expected CARE_COORDINATION but was NURSING");
        int version = uploaded.json().path("version").path("version").asInt();

        HttpJson.Response approval = http.asUser("clinlead2").post("/api/v1/rule-sets/" + version + "/approval", "{\"note\": \"ok\"}");

        assertThat(approval.status()).isEqualTo(409);
        assertThat(approval.json().path("type").asText()).isEqualTo("urn:baton:problem:test-gate-failed");
        assertThat(approval.json().path("errors").get(0).path("field").asText()).startsWith("test-scenarios/tcm.yaml #");
    }

    @Test
    void anUploadThatDoesNotCompileIsRefusedWithTheCellAndNothingIsStored() {
        int before = versionCount();
        byte[] broken = app.baton.engine.Workbooks.edit(storedFile(1, ROUTING),
                workbook -> app.baton.engine.Workbooks.cell(workbook, "C" + RoutingChange.routingRow(storedFile(1, ROUTING))).setCellFormula("1/0"));

        HttpJson.Response response = upload(http.asUser("clinlead"), Map.of("routing.drl.xlsx", broken), "broken");

        assertThat(response.status()).as(response.text()).isEqualTo(422);
        assertThat(response.json().path("type").asText()).isEqualTo("urn:baton:problem:rule-set-invalid");
        JsonNode error = response.json().path("errors").get(0);
        assertThat(error.path("file").asText()).isEqualTo(ROUTING);
        assertThat(error.path("cell").asText()).startsWith("C");
        assertThat(versionCount()).isEqualTo(before);
    }

    @Test
    void filesThatAreNotRuleFilesAreRefusedByName() {
        int before = versionCount();
        HttpJson lead = http.asUser("clinlead");

        HttpJson.Response macro = upload(lead, Map.of("routing.xlsm", new byte[]{1, 2, 3}), "macros");
        HttpJson.Response pdf = upload(lead, Map.of("notes.pdf", "%PDF-1.4".getBytes()), "a pdf");
        HttpJson.Response garbage = upload(lead, Map.of("routing.drl.xlsx", "not a workbook".getBytes()), "garbage");
        HttpJson.Response noNote = upload(lead, Map.of("routing.drl.xlsx", storedFile(1, ROUTING)), "");
        HttpJson.Response unchanged = upload(lead, Map.of("routing.drl.xlsx", storedFile(1, ROUTING)), "same");

        assertThat(macro.status()).isEqualTo(422);
        assertThat(macro.json().path("errors").get(0).path("file").asText()).isEqualTo("routing.xlsm");
        assertThat(macro.json().path("errors").get(0).path("message").asText()).contains("macro");
        assertThat(pdf.status()).isEqualTo(422);
        assertThat(pdf.json().path("errors").get(0).path("message").asText()).contains("not a rule file");
        assertThat(garbage.status()).isEqualTo(422);
        assertThat(garbage.json().path("errors").get(0).path("file").asText()).isEqualTo(ROUTING);
        assertThat(noNote.status()).isEqualTo(400);
        assertThat(noNote.json().path("errors").get(0).path("field").asText()).isEqualTo("changeNote");
        assertThat(unchanged.status()).isEqualTo(422);
        assertThat(unchanged.json().path("errors").get(0).path("message").asText()).contains("identical to version 1");
        assertThat(garbage.text()).doesNotContain("Exception").doesNotContain("at org.");
        assertThat(versionCount()).isEqualTo(before);
    }

    @Test
    void onlyClinicalLeadsChangeRuleSetsAndAnUnknownVersionIs404() {
        HttpJson.Response byNurse = upload(http.asUser("nurse"), Map.of("routing.drl.xlsx", storedFile(1, ROUTING)), "x");
        HttpJson.Response approveByCompliance = http.asUser("compliance").post("/api/v1/rule-sets/1/approval", "{\"note\": \"x\"}");
        HttpJson.Response missing = http.asUser("clinlead").get("/api/v1/rule-sets/9999");

        assertThat(byNurse.status()).isEqualTo(403);
        assertThat(approveByCompliance.status()).isEqualTo(403);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().path("type").asText()).isEqualTo("urn:baton:problem:rule-set-not-found");
    }

    JsonNode decide() {
        HttpJson.Response response = http.post("/api/v1/decisions", Requests.workedExample(UUID.randomUUID().toString()));
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    static HttpJson.Response upload(HttpJson as, Map<String, byte[]> files, String note) {
        return as.upload("/api/v1/rule-sets", note.isEmpty() ? Map.of() : Map.of("changeNote", note), "files", new LinkedHashMap<>(files));
    }

    byte[] storedFile(int version, String path) {
        return jdbc.sql("select content from rule_set_file where version = :v and path = :p")
                .param("v", version).param("p", path).query(byte[].class).single();
    }

    int versionCount() {
        return jdbc.sql("select count(*) from rule_set_version").query(Integer.class).single();
    }

    static String fileLink(JsonNode details, String path) {
        for (JsonNode file : details.path("files")) {
            if (file.path("path").asText().equals(path)) {
                return file.path("download").asText();
            }
        }
        throw new AssertionError("no file " + path + " in " + List.of(details.path("files")));
    }
}
