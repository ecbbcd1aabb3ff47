package app.baton.console.work;

import app.baton.console.Browser;
import app.baton.HttpJson;
import app.baton.PhiValues;
import app.baton.TestClock;
import app.baton.WebIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Journey (b) of the console in a real headless Chromium: a coordinator opens the queue, works a TCM
 * contact through failed and successful call attempts to done and sees the prompt change at each step,
 * and meets a stale version as a plain-words conflict with the fresh state. Also: the front desk
 * completes an intake held for a missing member ID, and an administrator registers and disables a
 * webhook endpoint
 * and re-drives a dead letter. Every page is checked with axe-core; last pages are kept in target/screenshots.
 */
class WorkJourneyBrowserTests extends WebIntegrationTest {

    @Autowired
    JdbcClient jdbc;
    Browser browser;

    @BeforeEach
    void chromium() throws IOException {
        assumeTrue(Browser.available(), Browser.MISSING);
        browser = new Browser(port);
    }

    @AfterEach
    void close() throws IOException {
        TestClock.reset();
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aCoordinatorWorksATcmContactFromTheQueueToDone() throws Exception {
        // Thursday 12 March: the contact of Monday's discharge was due on Wednesday, so it is overdue.
        TestClock.fix(Instant.parse("2026-03-12T13:00:00Z"));
        HttpJson coordinator = http.asUser("coordinator");
        String sourceId = "browser-" + UUID.randomUUID();
        HttpJson.Response intake = coordinator.post("/api/v1/intake/discharges", """
                {"sourceSystem": "WARD-PHONE", "sourceId": "%s",
                 "patient": {"id": "pt-%s", "payer": "MEDICARE", "memberId": "%s", "language": "en", "location": "MAIN_CLINIC",
                             "consentOnFile": true},
                 "program": "TCM", "complexity": "HIGH", "dischargeAt": "2026-03-09T08:00:00-04:00"}
                """.formatted(sourceId, sourceId.substring(8, 16), PhiValues.MEMBER_ID));
        assertThat(intake.status()).as(intake.text()).isEqualTo(201);
        JsonNode plan = coordinator.get("/api/v1/plans/" + intake.json().path("planId").asText()).json();
        String contactId = null;
        for (JsonNode t : plan.path("tasks")) {
            if (t.path("taskType").asText().equals("TCM_INTERACTIVE_CONTACT")) {
                contactId = t.path("id").asText();
            }
        }
        assertThat(contactId).isNotNull();

        // The queue: TCM work that is overdue, marked in words, not colour alone.
        browser.logIn("coordinator", HttpJson.TEST_PASSWORD);
        browser.open("/console/work");
        browser.checkAccessibility();
        new Select(browser.find("#program")).selectByValue("TCM");
        new Select(browser.find("#overdue")).selectByValue("true");
        browser.clickToLoad("form.filters button[type=submit]");
        assertThat(browser.path()).contains("program=TCM").contains("overdue=true").doesNotContain("pt-");
        WebElement row = browser.find("a[href='/console/tasks/" + contactId + "']").findElement(org.openqa.selenium.By.xpath("./ancestor::tr"));
        assertThat(row.getText()).contains("Overdue").contains("TCM contact within 2 business days").contains("Ready")
                .doesNotContain("TCM_INTERACTIVE_CONTACT").doesNotContain("READY");
        browser.checkAccessibility();
        browser.screenshot("work-queue");
        // a laptop and a large monitor: the list fits its container; the next step reads as words, not a letter per line
        for (int[] size : new int[][] {{1366, 768}, {1920, 1080}}) {
            assertThat(browser.layoutAt("work-queue", size[0], size[1])).as(size[0] + "x" + size[1]).isEmpty();
        }
        assertThat(((Number) ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeScript("return document.querySelector('#tasks tbody td:last-child').getBoundingClientRect().width")).doubleValue())
                .isGreaterThan(150);

        // The task: its plan, the prompt and why.
        browser.clickToLoad("a[href='/console/tasks/" + contactId + "']");
        assertThat(browser.text("#prompt-code")).isEqualTo("CALL_PATIENT");
        browser.find("#why summary").click();
        assertThat(browser.text("#why-source")).contains("next-best-action.drl.xlsx#NextBestAction!row");
        assertThat(browser.text("#plan-tasks")).contains("TCM face-to-face visit", "Medication reconciliation");
        assertThat(browser.text("#due")).contains("Overdue");
        assertThat(driverTitle()).doesNotContain("pt-");
        browser.checkAccessibility();

        // Two calls that do not reach the patient: a second attempt, then a letter.
        callAttempt("NO_ANSWER");
        assertThat(browser.notice()).contains("no answer");
        assertThat(browser.text("#prompt-code")).isEqualTo("CALL_PATIENT_AGAIN");
        assertThat(browser.text("#attempts")).isEqualTo("1");
        callAttempt("LEFT_VOICEMAIL");
        String afterTwo = browser.text("#prompt-code");
        assertThat(afterTwo).isEqualTo("SEND_LETTER");
        assertThat(browser.text("#activities")).contains("No answer", "Left a voicemail");
        browser.find("#why summary").click();
        assertThat(browser.text("#why-source")).startsWith("next-best-action.drl.xlsx#NextBestAction!row");
        browser.checkAccessibility();
        browser.screenshot("work-task-prompt");

        // Someone else moves the task meanwhile: this page's version is stale; the conflict in plain words, and the fresh state.
        int version = coordinator.get("/api/v1/tasks/" + contactId).json().path("version").asInt();
        assertThat(coordinator.post("/api/v1/tasks/" + contactId + "/status",
                "{\"status\": \"IN_PROGRESS\", \"version\": " + version + "}").status()).isEqualTo(200);
        browser.clickToLoad("#transitions button[data-status=DONE]");
        assertThat(browser.text("#status-problem")).contains("Someone changed this task first").doesNotContain("Exception");
        assertThat(browser.text("#task-status")).isEqualTo("In progress");
        browser.checkAccessibility();

        // The patient is reached, and the contact is done: the face-to-face visit is next, in scheduling.
        callAttempt("REACHED");
        assertThat(browser.notice()).contains("reached the patient");
        browser.clickToLoad("#transitions button[data-status=DONE]");
        assertThat(browser.notice()).contains("done");
        assertThat(browser.text("#task-status")).isEqualTo("Done");
        assertThat(browser.all("#transitions button")).isEmpty();
        WebElement visit = browser.find("#plan-tasks").findElements(org.openqa.selenium.By.cssSelector("tbody tr")).stream()
                .filter(r -> r.getText().contains("TCM face-to-face visit")).findFirst().orElseThrow();
        assertThat(visit.getText()).contains("Ready", "Scheduling", "Schedule the visit");
        browser.checkAccessibility();
        browser.screenshot("work-task-done");

        // The visit is booked on the plan: medication reconciliation is now due by the end of the visit's day.
        browser.clickToLoad(visit.findElement(org.openqa.selenium.By.tagName("a")));
        assertThat(browser.text("#prompt-code")).isEqualTo("SCHEDULE_VISIT");
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = '2026-03-13T09:30'",
                browser.find("#fact-faceToFaceAt"));
        browser.clickToLoad("#plan-facts button[type=submit]");
        assertThat(browser.notice()).contains("saved");
        WebElement medRec = browser.find("#plan-tasks").findElements(org.openqa.selenium.By.cssSelector("tbody tr")).stream()
                .filter(r -> r.getText().contains("Medication reconciliation")).findFirst().orElseThrow();
        assertThat(medRec.getText()).contains("2026-03-13 23:59");

        // Closing before the visit and the reconciliation are done: refused, in plain words, with the checklist.
        browser.clickToLoad("form[action$='/closure'] button");
        assertThat(browser.text("#closure-problem")).contains("checklist").doesNotContain("Exception");
        assertThat(browser.text("#closure")).contains("✔ met").contains("✘ not yet");
        browser.checkAccessibility();
        browser.screenshot("work-plan-closure-refused");
    }

    @Test
    void theFrontDeskCompletesAnIntakeHeldForItsMemberId() throws Exception {
        String sourceId = "browser-" + UUID.randomUUID();
        HttpJson.Response held = http.asUser("frontdesk").post("/api/v1/intake/referrals", """
                {"sourceSystem": "PHONE", "sourceId": "%s",
                 "patient": {"id": "pt-%s", "payer": "MEDICAID", "language": "en", "location": "MAIN_CLINIC", "consentOnFile": true},
                 "program": "REFERRAL", "referralReason": "knee pain", "referringProvider": "%s",
                 "diagnosisCode": "M25.561", "referralUrgency": "ROUTINE", "receivingSpecialty": "ORTHOPEDICS"}
                """.formatted(sourceId, sourceId.substring(8, 16), PhiValues.PROVIDER));
        assertThat(held.json().path("status").asText()).as(held.text()).isEqualTo("HELD");
        String heldTaskId = held.json().path("heldTaskId").asText();

        browser.logIn("frontdesk", HttpJson.TEST_PASSWORD);
        browser.open("/console/tasks/" + heldTaskId);
        assertThat(browser.text("#missing-info")).contains("Member ID");
        browser.checkAccessibility();
        browser.clickToLoad("#missing-info a");
        assertThat(browser.text("#intake-status")).contains("Held");
        assertThat(browser.text("#missing-info")).contains("memberId");
        browser.checkAccessibility();
        browser.find("#field-memberId").sendKeys(PhiValues.MEMBER_ID);
        browser.clickToLoad("#missing-info button[type=submit]");
        assertThat(browser.notice()).contains("released");
        assertThat(browser.text("#intake-status")).contains("Released");
        assertThat(browser.path()).doesNotContain(PhiValues.MEMBER_ID);
        browser.checkAccessibility();
        browser.screenshot("work-intake-released");
    }

    @Test
    void anAdministratorRegistersAndDisablesAWebhookAndEveryoneHasNotifications() throws Exception {
        browser.logIn("admin", HttpJson.TEST_PASSWORD);
        browser.open("/console/admin/webhooks");
        browser.checkAccessibility();
        browser.find("#url").sendKeys("ftp://not-a-webhook");
        browser.clickToLoad("form.stack button[type=submit]");
        assertThat(browser.text("#url-error")).isNotBlank();
        browser.checkAccessibility();
        browser.find("#url").clear();
        String url = "https://receiver.example/hooks/" + UUID.randomUUID();
        browser.find("#url").sendKeys(url);
        browser.clickToLoad("form.stack button[type=submit]");
        assertThat(browser.text("#new-secret")).isNotBlank();
        browser.checkAccessibility();

        // A delivery to it that gave up: listed as a dead letter, and sent again.
        UUID endpointId = jdbc.sql("select id from webhook_endpoint where url = :url").param("url", url).query(UUID.class).single();
        UUID messageId = UUID.randomUUID();
        UUID deliveryId = UUID.randomUUID();
        jdbc.sql("insert into notification_outbox (id, kind, queue, occurred_at, dispatched_at) values (:id, 'HAND_OFF', 'NURSING', now(), now())")
                .param("id", messageId).update();
        jdbc.sql("""
                insert into webhook_delivery (id, message_id, endpoint_id, status, attempts, last_status_code, dead_at)
                values (:id, :message, :endpoint, 'DEAD', 8, 503, now())
                """).param("id", deliveryId).param("message", messageId).param("endpoint", endpointId).update();
        browser.open("/console/admin/webhooks");
        assertThat(browser.text("#dead-letters")).contains(messageId.toString(), "HTTP 503");
        browser.checkAccessibility();
        browser.clickToLoad("form[action$='/dead-letters/" + deliveryId + "/redrive'] button");
        assertThat(browser.notice()).contains("on its way again");
        WebElement disable = browser.all("#endpoints button").stream().filter(b -> b.getText().contains(url)).findFirst().orElseThrow();
        browser.clickToLoad(disable);
        assertThat(browser.notice()).contains("disabled");
        assertThat(browser.all("#new-secret")).isEmpty();
        browser.screenshot("webhooks");
        browser.open("/console/notifications");
        browser.checkAccessibility();
        browser.logOut();

        browser.logIn("frontdesk", HttpJson.TEST_PASSWORD);
        assertThat(http.asUser("frontdesk").get("/console/admin/webhooks", "Accept", "text/html").status()).isEqualTo(403);
        browser.open("/console/notifications");
        assertThat(browser.text("h1")).isEqualTo("Notifications");
        browser.checkAccessibility();
    }

    private void callAttempt(String outcome) {
        new Select(browser.find("#kind")).selectByValue("CALL_ATTEMPT");
        new Select(browser.find("#outcome")).selectByValue(outcome);
        browser.clickToLoad("#record button[type=submit]");
    }

    private String driverTitle() {
        return browser.driver().getTitle();
    }
}
