package app.baton.console;

import app.baton.HttpJson;
import app.baton.Requests;
import app.baton.WebIntegrationTest;
import app.baton.engine.Workbooks;
import app.baton.ruleset.Lifecycle;
import app.baton.ruleset.RoutingChange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The console's journeys in a real headless Chromium: a rule change from a table with an error to the
 * next decision on the new row (clinical leads), the rule pages closed to the front desk, and the
 * activation found and exported by compliance. Every page visited is checked with axe-core; the last
 * page of each journey is kept as a screenshot in target/screenshots.
 */
class ConsoleJourneysBrowserTests extends WebIntegrationTest {

    static final String ROUTING = "decision-tables/app/baton/engine/model/routing.drl.xlsx";
    static final String TCM = "test-scenarios/tcm.yaml";
    static final Path FILES = Path.of("target/browser-files").toAbsolutePath();

    @Autowired
    JdbcClient jdbc;
    Browser browser;

    @BeforeEach
    void chromium() throws IOException {
        assumeTrue(Browser.available(), Browser.MISSING);
        browser = new Browser(port);
    }

    @AfterEach
    void closeAndRestore() throws IOException {
        if (browser != null) {
            browser.close();
        }
        Lifecycle.restoreVersionOne(http.asUser("clinlead"), jdbc);
    }

    @AfterAll
    static void noFilesLeft() throws IOException {
        Browser.clearDownloads();
    }

    @Test
    void clinicalLeadsTakeARoutingChangeFromATableWithAnErrorToTheNextDecision() throws Exception {
        for (int i = 0; i < 5; i++) {
            decide();
        }
        byte[] routing = stored(ROUTING);
        int row = RoutingChange.routingRow(routing);
        String queueCell = "G" + row;
        Path typo = write("typo/routing.drl.xlsx", Workbooks.edit(routing, wb -> Workbooks.cell(wb, queueCell).setCellValue("NURSNG")));
        Path fixedTable = write("fixed/routing.drl.xlsx", RoutingChange.routingTable(routing));
        Path scenarios = write("fixed/tcm.yaml", RoutingChange.tcmScenarios(
                ("# console journey " + UUID.randomUUID() + "\n" + new String(stored(TCM), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8)));

        // A table with a typo: refused, the message on its cell, in the table of problems and in the sheet's grid.
        browser.logIn("clinlead", HttpJson.TEST_PASSWORD);
        browser.open("/console/rules");
        browser.checkAccessibility();
        upload(typo.toString(), "TCM first contact moves to the nurses");
        assertThat(browser.text("#problems")).contains(queueCell).contains("NURSNG");
        assertThat(browser.find("table.grid td.named").getAttribute("data-cell")).isEqualTo(queueCell);
        assertThat(browser.find("table.grid td.named").getText()).contains("NURSNG");
        browser.checkAccessibility();
        browser.screenshot("rules-upload-problem");

        // Fixed, with the scenarios that pin the old queue: a draft whose test gate passed.
        upload(fixedTable + "\n" + scenarios, "TCM first contact moves to the nurses");
        browser.waitFor(d -> browser.path().matches("/console/rules/\\d+"));
        int candidate = Integer.parseInt(browser.path().substring("/console/rules/".length()));
        assertThat(browser.notice()).contains("test gate passed");
        assertThat(browser.text("#scenario-results")).contains("passed").doesNotContain("failed");
        browser.checkAccessibility();

        // The diff: the queue cell, old and new side by side.
        browser.clickToLoad("a[href*='/diff']");
        browser.waitFor(d -> browser.path().contains("/diff"));
        assertThat(browser.text("table.changed-cells")).contains(queueCell, RoutingChange.OLD_QUEUE, RoutingChange.NEW_QUEUE);
        browser.checkAccessibility();
        browser.screenshot("rules-diff");

        // The impact report on the last 50 decisions counts the move.
        browser.open("/console/rules/" + candidate);
        new Select(browser.find("#sample")).selectByValue("decisions");
        browser.find("#size").clear();
        browser.find("#size").sendKeys("50");
        browser.clickToLoad("#impact ~ form button");
        browser.waitFor(d -> browser.text("#analysis-status").equals("Completed"));
        assertThat(browser.find("#routing-moves").getAttribute("innerHTML")).as("the queues, labelled, with their codes as tooltips")
                .contains("title=\"" + RoutingChange.OLD_QUEUE + "\"", "title=\"" + RoutingChange.NEW_QUEUE + "\"");
        browser.checkAccessibility();
        browser.screenshot("rules-impact");
        browser.logOut();

        // A second clinical lead approves and activates, each after a page that says what will happen.
        browser.logIn("clinlead2", HttpJson.TEST_PASSWORD);
        browser.open("/console/rules/" + candidate);
        browser.clickToLoad("a[href$='/approval']");
        assertThat(browser.text("#what-happens + ul")).contains("APPROVED");
        browser.checkAccessibility();
        browser.find("#note").sendKeys("Read the diff and the impact: 50 recent TCM contacts move to nursing");
        browser.clickToLoad("form.stack button[type=submit]");
        assertThat(browser.notice()).contains("approved");
        browser.clickToLoad("a[href$='/activation']");
        assertThat(browser.text("#what-happens + ul")).contains("RETIRED");
        browser.screenshot("rules-activate-confirm");
        browser.find("#note").sendKeys("Go live after the morning huddle");
        browser.clickToLoad("form.stack button[type=submit]");
        assertThat(browser.notice()).contains("active");
        assertThat(browser.text("h1")).contains("Active");

        // The next decision is made on the new row, and the console shows it.
        String decisionId = decide();
        browser.open("/console/decisions");
        browser.find("#id").sendKeys(decisionId);
        browser.clickToLoad("main form button");
        browser.waitFor(d -> browser.path().startsWith("/console/decisions/"));
        assertThat(browser.text("#routing-queue")).contains(RoutingChange.NEW_QUEUE);
        assertThat(browser.text("#decision-version")).isEqualTo("version " + candidate);
        assertThat(browser.text("#decision-outputs")).contains("routing.drl.xlsx#Routing!row " + row);
        browser.checkAccessibility();
        browser.screenshot("decision-on-the-new-row");
    }

    @Test
    void frontDeskIsNotOfferedTheRulePagesAndTheirAddressAnswersForbidden() throws Exception {
        browser.logIn("frontdesk", HttpJson.TEST_PASSWORD);
        assertThat(browser.all("nav a[href='/console/rules']")).isEmpty();
        assertThat(browser.all("nav a[href='/console/decisions']")).hasSize(1);
        browser.checkAccessibility();
        browser.screenshot("front-desk-start");

        browser.open("/console/rules");
        assertThat(browser.text("h1")).isEqualTo("You are not allowed to open this page");
        assertThat(browser.driver().getPageSource()).doesNotContain("Exception").doesNotContain("at app.baton");
        assertThat(http.asUser("frontdesk").get("/console/rules", "Accept", "text/html").status()).isEqualTo(403);
        assertThat(http.asUser("frontdesk").get("/console/rules/1", "Accept", "text/html").status()).isEqualTo(403);
        browser.checkAccessibility();
        browser.screenshot("front-desk-forbidden");
    }

    @Test
    void complianceFindsAnActivationInTheAuditTrailAndExportsIt() throws Exception {
        Browser.clearDownloads();
        int version = activatedRoutingChange();

        browser.logIn("compliance", HttpJson.TEST_PASSWORD);
        browser.open("/console/audit");
        browser.checkAccessibility();
        new Select(browser.find("#action")).selectByValue("RULE_SET_ACTIVATED");
        browser.find("#actor").sendKeys("clinlead2");
        browser.clickToLoad("#audit-search > button[type=submit]");
        browser.waitFor(d -> browser.text("#audit-results").contains("Rule set activated"));
        assertThat(browser.text("#audit-results tbody")).contains("clinlead2").contains(String.valueOf(version));

        // Sort by another column, then back: the filters stay.
        browser.clickToLoad("button.sort[value='actor']");
        browser.waitFor(d -> "ascending".equals(browser.find("#audit-results th[aria-sort]").getAttribute("aria-sort")));
        assertThat(browser.text("#audit-results tbody")).contains("Rule set activated").doesNotContain("Rule set uploaded");

        // htmx (allowed by the console's CSP) swaps the chain's status into the page instead of leaving it.
        assertThat(((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("return typeof htmx")).isEqualTo("object");
        browser.find("a[href='/console/audit/verification']").click();
        browser.waitFor(d -> !browser.all("#chain-status").isEmpty());
        assertThat(browser.path()).isEqualTo("/console/audit");
        browser.checkAccessibility();
        browser.screenshot("audit-search");

        long exportsBefore = exports();
        browser.find("button[formaction$='/export.csv']").click();
        String csv = browser.downloaded("audit-events");
        assertThat(csv).contains("RULE_SET_ACTIVATED").contains("clinlead2");
        assertThat(exports()).isEqualTo(exportsBefore + 1);
    }

    @Test
    void administratorCreatesAUserAndAKeyThatIsShownOnceThenRevokesIt() throws Exception {
        browser.logIn("admin", HttpJson.TEST_PASSWORD);
        browser.open("/console/admin/users");
        browser.checkAccessibility();
        createUser("NURSE", "a-password-long-enough");
        assertThat(browser.text("#username-error")).contains("another user has this name");
        String name = "nurse-" + UUID.randomUUID().toString().substring(0, 8);
        createUser(name, "a-password-long-enough");
        assertThat(browser.notice()).contains(name + " can now log in");
        assertThat(http.asUser(name, "a-password-long-enough").get("/api/v1/me").status()).isEqualTo(200);

        browser.open("/console/admin/api-keys");
        String keyName = "console test " + UUID.randomUUID().toString().substring(0, 8);
        browser.find("#name").sendKeys(keyName);
        browser.clickToLoad(browser.all("form.stack button[type=submit]").get(0));
        String key = browser.text("#new-key");
        assertThat(key).startsWith("bk_");
        assertThat(http.withApiKey(key).get("/api/v1/me").status()).isEqualTo(200);
        browser.checkAccessibility();
        browser.screenshot("admin-api-key-created");
        browser.open("/console/admin/api-keys");
        assertThat(browser.all("#new-key")).isEmpty();
        assertThat(browser.driver().getPageSource()).doesNotContain(key);

        browser.clickToLoad(browser.driver().findElement(org.openqa.selenium.By.xpath("//button[normalize-space()='Revoke " + keyName + "']")));
        assertThat(browser.notice()).contains("revoked");
        assertThat(http.withApiKey(key).get("/api/v1/me").status()).isEqualTo(401);
    }

    private void createUser(String name, String password) {
        for (String field : new String[] {"#username", "#password", "#locations"}) {
            browser.find(field).clear();
        }
        browser.find("#username").sendKeys(name);
        browser.find("#password").sendKeys(password);
        if (!browser.find("input[name=roles][value=CLINICAL_STAFF]").isSelected()) {
            browser.find("input[name=roles][value=CLINICAL_STAFF]").click();
        }
        browser.find("#locations").sendKeys("MAIN_CLINIC");
        browser.clickToLoad("#new-user ~ form button[type=submit]");
    }

    private void upload(String paths, String note) {
        browser.find("#files").sendKeys(paths);
        browser.find("#changeNote").clear();
        browser.find("#changeNote").sendKeys(note);
        browser.clickToLoad("#upload-heading ~ form button[type=submit]");
    }

    /** A fresh routing change (unique by a comment in its scenarios) uploaded, approved and activated over the API. */
    private int activatedRoutingChange() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("routing.drl.xlsx", RoutingChange.routingTable(stored(ROUTING)));
        files.put("tcm.yaml", RoutingChange.tcmScenarios(("# compliance journey " + UUID.randomUUID() + "\n"
                + new String(stored(TCM), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8)));
        HttpJson.Response uploaded = http.asUser("clinlead").upload("/api/v1/rule-sets", Map.of("changeNote", "TCM contacts to the nurses"),
                "files", files);
        assertThat(uploaded.status()).as(uploaded.text()).isEqualTo(201);
        int version = uploaded.json().path("version").path("version").asInt();
        assertThat(http.asUser("clinlead2").post("/api/v1/rule-sets/" + version + "/approval", "{\"note\": \"checked\"}").status()).isEqualTo(200);
        assertThat(http.asUser("clinlead2").post("/api/v1/rule-sets/" + version + "/activation", "{\"note\": \"go live\"}").status()).isEqualTo(200);
        return version;
    }

    private long exports() {
        return jdbc.sql("select count(*) from audit_event where action = 'EXPORT' and actor = 'compliance'").query(Long.class).single();
    }

    private String decide() {
        HttpJson.Response response = http.post("/api/v1/decisions", Requests.workedExample(UUID.randomUUID().toString()));
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json().path("decisionId").asText();
    }

    private byte[] stored(String path) {
        return jdbc.sql("select content from rule_set_file where version = 1 and path = :p").param("p", path).query(byte[].class).single();
    }

    private static Path write(String name, byte[] content) throws IOException {
        Path file = FILES.resolve(name);
        Files.createDirectories(file.getParent());
        Files.write(file, content);
        return file;
    }
}
