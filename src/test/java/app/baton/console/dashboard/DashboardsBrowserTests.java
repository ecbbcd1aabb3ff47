package app.baton.console.dashboard;

import app.baton.console.Browser;
import app.baton.HttpJson;
import app.baton.TestClock;
import app.baton.WebIntegrationTest;
import app.baton.dashboard.TrackerAnnouncements;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Leadership's journey in a real headless Chromium: the dashboards with their charts drawn (a canvas
 * in each), a chart's list followed to the exception report, and the report exported as CSV (audited).
 */
class DashboardsBrowserTests extends WebIntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;
    Browser browser;
    String location;
    UUID overdue;
    UUID blocked;

    @BeforeEach
    void chromiumAndWork() throws IOException {
        assumeTrue(Browser.available(), Browser.MISSING);
        TestClock.fix(Instant.parse("2026-03-20T16:00:00Z"));
        location = "DASH-" + UUID.randomUUID().toString().substring(0, 8);
        UUID tcm = plan("TCM");
        UUID ccm = plan("CCM");
        for (int day = 1; day <= 5; day++) {
            UUID done = task(tcm, "TCM", "CARE_COORDINATION", "COORDINATION", "READY", "2026-03-1" + day + "T16:00:00Z", "2026-03-0" + day + "T16:00:00Z");
            OffsetDateTime at = OffsetDateTime.parse("2026-03-1" + (day + (day % 2)) + "T12:00:00Z");
            tx.executeWithoutResult(s -> {
                jdbc.sql("update task set status = 'DONE', status_since = :at, version = version + 1 where id = :id")
                        .param("at", at).param("id", done).update();
                TrackerAnnouncements.taskChanged(jdbc, events, done); // as the tracker announces every task it stores
            });
        }
        overdue = task(tcm, "TCM", "CARE_COORDINATION", "COORDINATION", "READY", "2026-03-16T16:00:00Z", "2026-03-09T16:00:00Z");
        task(ccm, "CCM", "NURSING", "FOLLOW_UP", "IN_PROGRESS", "2026-03-27T16:00:00Z", "2026-03-12T16:00:00Z");
        blocked = task(ccm, "CCM", "FRONT_DESK", "INTAKE", "BLOCKED_MISSING_INFO", null, "2026-03-18T16:00:00Z");
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
    void leadershipReadsTheChartsFollowsOneToItsListAndExportsTheExceptionReport() throws Exception {
        Browser.clearDownloads();
        browser.logIn("leader", HttpJson.TEST_PASSWORD);
        assertThat(browser.all("header nav a[href='/console/dashboards']")).hasSize(1);
        browser.open("/console/dashboards?location=" + location);
        for (String chart : new String[] {"stages", "overdue", "sla", "times"}) {
            browser.waitFor(d -> "true".equals(browser.find("#" + chart + "-chart").getAttribute("data-drawn")));
            assertThat(browser.find("#" + chart + "-chart").findElements(By.tagName("canvas"))).as(chart).isNotEmpty();
        }
        assertThat(browser.text("#overdue-table tbody")).contains("Care coordination").doesNotContain("CARE_COORDINATION");
        assertThat(browser.text("#sla-table tbody")).contains("TCM");
        browser.checkAccessibility();
        browser.screenshot("leadership-dashboards");
        // a laptop and a large monitor: no table scrolls sideways (the List column stays in view), no axis label over another
        for (int[] size : new int[][] {{1366, 768}, {1920, 1080}}) {
            assertThat(browser.layoutAt("leadership-dashboards", size[0], size[1])).as(size[0] + "x" + size[1]).isEmpty();
            assertThat(browser.overlappingLabels("overdue-chart")).as(size[0] + "x" + size[1]).isEmpty();
        }
        long figureExports = exports("dashboard_figures");
        browser.find("#export-figures").click();
        assertThat(browser.downloaded("dashboard-figures")).contains("overdue_by_queue,CARE_COORDINATION,,1");
        assertThat(exports("dashboard_figures")).isEqualTo(figureExports + 1);

        // The list behind the overdue bar of the care coordination queue
        browser.clickToLoad("#overdue-table a[href*='queue=CARE_COORDINATION']");
        assertThat(browser.path()).startsWith("/console/dashboards/exceptions").contains("reason=OVERDUE").contains("location=" + location);
        assertThat(browser.text("#exceptions tbody")).contains(overdue.toString()).doesNotContain(blocked.toString());
        assertThat(browser.text("#exception-total")).startsWith("1 task");
        assertThat(browser.all("header nav a[aria-current='page']")).extracting(e -> e.getAttribute("href"))
                .singleElement().asString().endsWith("/console/dashboards/exceptions");
        browser.checkAccessibility();

        // All exceptions of the location, exported
        browser.open("/console/dashboards/exceptions?location=" + location);
        assertThat(browser.text("#exceptions tbody")).contains(overdue.toString()).contains(blocked.toString());
        browser.screenshot("leadership-exception-report");
        for (int[] size : new int[][] {{1366, 768}, {1920, 1080}}) {
            assertThat(browser.layoutAt("leadership-exception-report", size[0], size[1])).as(size[0] + "x" + size[1]).isEmpty();
        }
        long before = exports("exception_report");
        browser.find("#export-exceptions").click();
        String csv = browser.downloaded("exception-report");
        assertThat(csv).startsWith("task_id,plan_id,program").contains(overdue.toString()).contains(blocked.toString());
        assertThat(exports("exception_report")).isEqualTo(before + 1);
    }

    @Test
    void aBadFilterIsShownNextToItsField() {
        browser.logIn("leader", HttpJson.TEST_PASSWORD);
        browser.open("/console/dashboards?months=99");
        assertThat(browser.text("#months-error")).contains("1 to 24");
        browser.checkAccessibility();
    }

    @Test
    void aCoordinatorIsNotOfferedTheDashboards() {
        browser.logIn("coordinator", HttpJson.TEST_PASSWORD);
        assertThat(browser.all("header nav a[href^='/console/dashboards']")).isEmpty();
    }

    private long exports(String objectType) {
        return jdbc.sql("select count(*) from audit_event where action = 'EXPORT' and actor = 'leader' and object_type = :type")
                .param("type", objectType).query(Long.class).single();
    }

    private UUID plan(String program) {
        UUID intake = UUID.randomUUID();
        UUID plan = UUID.randomUUID();
        OffsetDateTime at = OffsetDateTime.parse("2026-01-15T16:00:00Z");
        jdbc.sql("""
                insert into intake (id, source_system, source_id, kind, request_sha256, status, patient_id, location, facts, plan_id, received_at)
                values (:id, 'DASHBOARD-TEST', :source, 'DISCHARGE', :sha, 'RELEASED', 'pt-dash', :location, '{}'::jsonb, :plan, :at)""")
                .param("id", intake).param("source", intake.toString()).param("sha", "0".repeat(64)).param("location", location)
                .param("plan", plan).param("at", at).update();
        jdbc.sql("""
                insert into care_plan (id, intake_id, patient_id, location, program, facts, status, rule_set_version, template_rules, created_at)
                values (:id, :intake, 'pt-dash', :location, :program, jsonb_build_object('program', cast(:program as text)), 'OPEN', 1, '[]'::jsonb, :at)""")
                .param("id", plan).param("intake", intake).param("location", location).param("program", program).param("at", at).update();
        return plan;
    }

    private UUID task(UUID plan, String program, String queue, String stage, String status, String due, String created) {
        UUID id = UUID.randomUUID();
        OffsetDateTime at = OffsetDateTime.parse(created);
        jdbc.sql("""
                insert into task (id, plan_id, purpose, position, patient_id, location, program, task_type, status, stage, priority,
                                  priority_rank, queue, role, due_at, rule_set_version, created_at, status_since)
                values (:id, :plan, 'PLAN', 1, 'pt-dash', :location, :program, 'TCM_INTERACTIVE_CONTACT', :status, :stage, 'ROUTINE', 3, :queue,
                        'CARE_COORDINATOR', :due, 1, :at, :at)""")
                .param("id", id).param("plan", plan).param("location", location).param("program", program)
                .param("status", status).param("stage", stage).param("queue", queue)
                .param("due", due == null ? null : OffsetDateTime.parse(due)).param("at", at).update();
        TrackerAnnouncements.taskChanged(jdbc, events, id); // as the tracker announces every task it stores
        return id;
    }
}
