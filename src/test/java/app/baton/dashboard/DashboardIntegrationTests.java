package app.baton.dashboard;

import app.baton.HttpJson;
import app.baton.TestClock;
import app.baton.WebIntegrationTest;
import app.baton.careplan.PlanReopened;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every dashboard figure and the exception report checked number by number on seven tasks seeded in
 * their own location (so other tests' tasks never count). Each task row is written straight to the
 * tracker's table and, in the same transaction, announced as the tracker announces every stored task
 * ({@code TaskChanged}; a reopened plan with {@link PlanReopened}), so the dashboards' projection and its
 * stage journal record them as they would the tracker's own changes; the clock is fixed at Friday
 * 20 March 2026, noon in New York.
 */
class DashboardIntegrationTests extends WebIntegrationTest {

    static final Instant NOW = Instant.parse("2026-03-20T16:00:00Z");

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;

    String location;
    UUID t1, t2, t3, t4, t5, t6, t7;

    @BeforeEach
    void seed() {
        TestClock.fix(NOW);
        location = "DASH-" + UUID.randomUUID().toString().substring(0, 8);
        UUID tcm = plan("TCM", null);
        UUID ccm = plan("CCM", null);
        UUID reopened = plan("CCM", "NEW_INFORMATION");
        // TCM contacts: one done in time, one done late, one overdue, one cancelled
        t1 = task(tcm, "TCM", "CARE_COORDINATION", "COORDINATION", "READY", "2026-03-10T16:00:00Z", "2026-03-01T16:00:00Z");
        move(t1, "IN_PROGRESS", "2026-03-02T16:00:00Z");
        move(t1, "DONE", "2026-03-05T16:00:00Z");
        t2 = task(tcm, "TCM", "CARE_COORDINATION", "COORDINATION", "READY", "2026-02-10T16:00:00Z", "2026-02-01T16:00:00Z");
        move(t2, "DONE", "2026-02-15T16:00:00Z");
        t3 = task(tcm, "TCM", "CARE_COORDINATION", "COORDINATION", "READY", "2026-03-15T16:00:00Z", "2026-03-10T16:00:00Z");
        t7 = task(tcm, "TCM", "CARE_COORDINATION", "COORDINATION", "READY", "2026-03-01T16:00:00Z", "2026-03-01T16:00:00Z");
        move(t7, "CANCELLED", "2026-03-03T16:00:00Z");
        // CCM follow-up: one in progress due next week, one blocked by missing information, one of a reopened plan
        t4 = task(ccm, "CCM", "NURSING", "FOLLOW_UP", "READY", "2026-03-25T16:00:00Z", "2026-03-18T16:00:00Z");
        move(t4, "IN_PROGRESS", "2026-03-19T16:00:00Z");
        t5 = task(ccm, "CCM", "NURSING", "FOLLOW_UP", "BLOCKED_MISSING_INFO", null, "2026-03-19T16:00:00Z");
        t6 = task(reopened, "CCM", "NURSING", "FOLLOW_UP", "READY", "2026-04-01T16:00:00Z", "2026-03-16T16:00:00Z");
    }

    @AfterEach
    void clock() {
        TestClock.reset();
    }

    @Test
    void countsByStageAndStatus() {
        JsonNode counts = figures("leader", "").get("byStageAndStatus");
        assertThat(rows(counts, "stage", "status", "tasks")).containsExactly(
                "COORDINATION CANCELLED 1", "COORDINATION DONE 2", "COORDINATION READY 1",
                "FOLLOW_UP BLOCKED_MISSING_INFO 1", "FOLLOW_UP IN_PROGRESS 1", "FOLLOW_UP READY 1");
    }

    @Test
    void overdueByQueue() {
        JsonNode queues = figures("leader", "").get("overdueByQueue");
        assertThat(rows(queues, "queue", "open", "overdue")).containsExactly("CARE_COORDINATION 1 1", "NURSING 3 0");
    }

    @Test
    void slaAttainmentByProgramAndMonthCountsOverdueOpenWorkAsMissedAndLeavesCancelledOut() {
        JsonNode sla = figures("leader", "").get("slaAttainment");
        assertThat(rows(sla, "program", "month", "due", "met")).containsExactly("TCM 2026-02 1 0", "TCM 2026-03 2 1");
        assertThat(sla.get(1).get("percent").asDouble()).isEqualTo(50.0);
        assertThat(sla.get(0).get("percent").asDouble()).isEqualTo(0.0);
        // one month back leaves February out
        assertThat(rows(figures("leader", "&months=1").get("slaAttainment"), "program", "month", "due", "met"))
                .containsExactly("TCM 2026-03 2 1");
    }

    @Test
    void timeInStageMedianAndP90InHours() {
        // COORDINATION stays: 48 h (cancelled after 2 days), 96 h (1 day ready + 3 in progress), 240 h (open since 10 March), 336 h
        // FOLLOW_UP stays: 24 h (blocked since yesterday), 48 h (ready 1 day, in progress 1 day), 96 h (ready since 16 March)
        JsonNode times = figures("leader", "").get("timeInStage");
        assertThat(rows(times, "stage", "tasks", "medianHours", "p90Hours"))
                .containsExactly("COORDINATION 4 168.0 307.2", "FOLLOW_UP 3 48.0 86.4");
    }

    @Test
    void exceptionReportListsOverdueBlockedAndReopenedWorkEarliestDueFirstAndFilters() {
        JsonNode report = http.asUser("leader").get("/api/v1/dashboards/exceptions?location=" + location).json();
        assertThat(report.get("total").asLong()).isEqualTo(3);
        assertThat(rows(report.get("rows"), "taskId", "reasons")).containsExactly(
                t3 + " [\"OVERDUE\"]", t6 + " [\"REOPENED\"]", t5 + " [\"BLOCKED_MISSING_INFO\"]");
        assertThat(rows(http.asUser("leader").get("/api/v1/dashboards/exceptions?reason=overdue&location=" + location).json().get("rows"),
                "taskId")).containsExactly(t3.toString());
        assertThat(rows(http.asUser("leader").get("/api/v1/dashboards/exceptions?queue=NURSING&location=" + location).json().get("rows"),
                "taskId")).containsExactly(t6.toString(), t5.toString());
        assertThat(report.toString()).doesNotContain("pt-dash");
    }

    @Test
    void staffLimitedToOtherLocationsSeeNoneOfTheseNumbers() {
        // clinlead works at MAIN_CLINIC only
        JsonNode figures = figures("clinlead", "");
        assertThat(figures.get("byStageAndStatus")).isEmpty();
        assertThat(figures.get("overdueByQueue")).isEmpty();
        assertThat(figures.get("slaAttainment")).isEmpty();
        assertThat(figures.get("timeInStage")).isEmpty();
        assertThat(http.asUser("clinlead").get("/api/v1/dashboards/exceptions?location=" + location).json().get("total").asLong()).isZero();
    }

    @Test
    void exceptionExportIsCsvOfIdsAndCodesAndIsAudited() {
        long before = exports("exception_report");
        HttpJson.Response csv = http.asUser("leader").get("/api/v1/dashboards/exceptions.csv?location=" + location);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.text().split("\r\n")).containsExactly(
                "task_id,plan_id,program,task_type,stage,status,queue,location,due_at,reasons",
                line(t3, "TCM", "COORDINATION", "READY", "CARE_COORDINATION", "2026-03-15T16:00Z", "OVERDUE"),
                line(t6, "CCM", "FOLLOW_UP", "READY", "NURSING", "2026-04-01T16:00Z", "REOPENED"),
                line(t5, "CCM", "FOLLOW_UP", "BLOCKED_MISSING_INFO", "NURSING", "", "BLOCKED_MISSING_INFO"));
        assertThat(exports("exception_report")).isEqualTo(before + 1);
        String details = jdbc.sql("select details::text from audit_event where action = 'EXPORT' and object_type = 'exception_report' "
                + "order by staged_number desc limit 1").query(String.class).single();
        assertThat(details).contains("\"location\": \"" + location + "\"").contains("\"format\": \"csv\"");
    }

    @Test
    void figuresExportIsCsvAndIsAudited() {
        long before = exports("dashboard_figures");
        String csv = http.asUser("leader").get("/api/v1/dashboards/figures.csv?location=" + location).text();
        assertThat(csv.split("\r\n")).contains("figure,key,subkey,value", "overdue_by_queue,CARE_COORDINATION,,1",
                "sla_percent,TCM,2026-03,50.0", "time_in_stage_p90_hours,COORDINATION,,307.2");
        assertThat(exports("dashboard_figures")).isEqualTo(before + 1);
    }

    @Test
    void badFiltersAreProblemsNamingTheField() {
        HttpJson.Response months = http.asUser("leader").get("/api/v1/dashboards/figures?months=0");
        assertThat(months.status()).isEqualTo(400);
        assertThat(months.contentType()).startsWith("application/problem+json");
        assertThat(months.text()).contains("months");
        HttpJson.Response program = http.asUser("leader").get("/api/v1/dashboards/exceptions?program=NOPE");
        assertThat(program.status()).isEqualTo(400);
        assertThat(program.text()).contains("program");
        assertThat(http.asUser("leader").get("/api/v1/dashboards/exceptions?location=a%20b").text()).contains("location");
    }

    @Test
    void theStageJournalRecordsEveryStatusChangeAndIsAppendOnly() {
        assertThat(jdbc.sql("select status || ' ' || to_char(entered_at at time zone 'UTC', 'MM-DD') from dashboard_stage_entry "
                + "where task_id = :id order by id").param("id", t1).query(String.class).list())
                .containsExactly("READY 03-01", "IN_PROGRESS 03-02", "DONE 03-05");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql("delete from dashboard_stage_entry where task_id = :id")
                .param("id", t1).update()).hasMessageContaining("append-only");
    }

    @Test
    void onlyLeadershipAndClinicalLeadsReadThem() {
        assertThat(http.asUser("coordinator").get("/api/v1/dashboards/figures").status()).isEqualTo(403);
        assertThat(http.asUser("compliance").get("/api/v1/dashboards/exceptions").status()).isEqualTo(403);
        assertThat(http.get("/api/v1/dashboards/figures").status()).isEqualTo(403);
        assertThat(http.asUser("clinlead").get("/api/v1/dashboards/figures").status()).isEqualTo(200);
    }

    private String line(UUID task, String program, String stage, String status, String queue, String due, String reason) {
        String plan = jdbc.sql("select plan_id from task where id = :id").param("id", task).query(String.class).single();
        String type = program.equals("TCM") ? "TCM_INTERACTIVE_CONTACT" : "CCM_MONTHLY_REVIEW";
        return String.join(",", task.toString(), plan, program, type, stage, status, queue, location, due, reason);
    }

    private long exports(String objectType) {
        return jdbc.sql("select count(*) from audit_event where action = 'EXPORT' and actor = 'leader' and object_type = :type")
                .param("type", objectType).query(Long.class).single();
    }

    private JsonNode figures(String user, String more) {
        HttpJson.Response response = http.asUser(user).get("/api/v1/dashboards/figures?location=" + location + more);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    private static List<String> rows(JsonNode array, String... fields) {
        List<String> rows = new ArrayList<>();
        array.forEach(node -> {
            List<String> values = new ArrayList<>();
            for (String f : fields) {
                values.add(node.get(f).isValueNode() ? node.get(f).asText() : node.get(f).toString());
            }
            rows.add(String.join(" ", values));
        });
        return rows;
    }

    private UUID plan(String program, String reopenReason) {
        UUID intake = UUID.randomUUID();
        UUID plan = UUID.randomUUID();
        OffsetDateTime at = OffsetDateTime.parse("2026-01-15T16:00:00Z");
        jdbc.sql("""
                insert into intake (id, source_system, source_id, kind, request_sha256, status, patient_id, location, facts, plan_id, received_at)
                values (:id, 'DASHBOARD-TEST', :source, 'DISCHARGE', :sha, 'RELEASED', 'pt-dash', :location, '{}'::jsonb, :plan, :at)""")
                .param("id", intake).param("source", intake.toString()).param("sha", "0".repeat(64)).param("location", location)
                .param("plan", plan).param("at", at).update();
        jdbc.sql("""
                insert into care_plan (id, intake_id, patient_id, location, program, facts, status, rule_set_version, template_rules,
                                       created_at, reopen_reason)
                values (:id, :intake, 'pt-dash', :location, :program, jsonb_build_object('program', cast(:program as text)), 'OPEN', 1, '[]'::jsonb, :at, :reason)""")
                .param("id", plan).param("intake", intake).param("location", location).param("program", program).param("at", at)
                .param("reason", reopenReason).update();
        if (reopenReason != null) {
            tx.executeWithoutResult(status -> events.publishEvent(new PlanReopened(plan, "pt-dash", program, reopenReason)));
        }
        return plan;
    }

    private UUID task(UUID plan, String program, String queue, String stage, String status, String due, String created) {
        UUID id = UUID.randomUUID();
        OffsetDateTime at = OffsetDateTime.parse(created);
        tx.executeWithoutResult(s -> {
            jdbc.sql("""
                    insert into task (id, plan_id, purpose, position, patient_id, location, program, task_type, status, stage, priority,
                                      priority_rank, queue, role, due_at, rule_set_version, created_at, status_since)
                    values (:id, :plan, 'PLAN', 1, 'pt-dash', :location, :program, :type, :status, :stage, 'ROUTINE', 3, :queue, 'CARE_COORDINATOR',
                            :due, 1, :at, :at)""")
                    .param("id", id).param("plan", plan).param("location", location).param("program", program)
                    .param("type", program.equals("TCM") ? "TCM_INTERACTIVE_CONTACT" : "CCM_MONTHLY_REVIEW")
                    .param("status", status).param("stage", stage).param("queue", queue)
                    .param("due", due == null ? null : OffsetDateTime.parse(due)).param("at", at).update();
            announce(id);
        });
        return id;
    }

    private void move(UUID task, String status, String at) {
        tx.executeWithoutResult(s -> {
            jdbc.sql("update task set status = :status, status_since = :at, version = version + 1 where id = :id")
                    .param("status", status).param("at", OffsetDateTime.parse(at).withOffsetSameInstant(ZoneOffset.UTC)).param("id", task)
                    .update();
            announce(task);
        });
    }

    private void announce(UUID task) {
        TrackerAnnouncements.taskChanged(jdbc, events, task);
    }
}
