package app.baton.dashboard;

import app.baton.HttpJson;
import app.baton.PhiValues;
import app.baton.TestClock;
import app.baton.WebIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboards' projection after a mix of real changes made through the tracker's HTTP API (discharges and a
 * referral taken in, a referral held for a missing field (its intake task), a failed call, an assignment, status
 * changes to in progress, waiting, done and cancelled at moving clock times): every task's row equals the tracker's, and
 * every rollup (over the whole database, so other tests' changes count too) equals
 * the same numbers computed here from scratch. Then the two rebuilds: a counter someone broke is put right, and a
 * task written past the tracker (a bulk load) is taken in.
 */
class DashboardProjectionIntegrationTests extends WebIntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    DashboardRebuild rebuild;

    final List<String> plans = new ArrayList<>();

    @AfterEach
    void realTime() {
        TestClock.reset();
    }

    @Test
    void rollupsEqualAFromScratchComputationAfterAMixOfChanges() {
        TestClock.fix(Instant.parse("2026-03-09T14:00:00Z"));
        HttpJson coordinator = http.asUser("coordinator");
        HttpJson nurse = http.asUser("nurse");

        String first = intake("/api/v1/intake/discharges", discharge(UUID.randomUUID().toString()));
        String second = intake("/api/v1/intake/discharges", discharge(UUID.randomUUID().toString()));
        String referral = intake("/api/v1/intake/referrals", referral(UUID.randomUUID().toString(), true));
        HttpJson.Response held = http.post("/api/v1/intake/referrals", referral(UUID.randomUUID().toString(), false));
        assertThat(held.status()).as(held.text()).isIn(201, 202);

        // the first plan's contact: a failed call (the prompt changes), in progress, then done two days later
        JsonNode contact = task(coordinator, first, "TCM_INTERACTIVE_CONTACT");
        String contactId = contact.path("id").asText();
        JsonNode called = coordinator.post("/api/v1/tasks/" + contactId + "/activities",
                "{\"kind\": \"CALL_ATTEMPT\", \"outcome\": \"NO_ANSWER\"}").json();
        TestClock.fix(Instant.parse("2026-03-10T15:00:00Z"));
        JsonNode started = status(coordinator, contactId, "IN_PROGRESS", called.path("version").asInt());
        JsonNode owned = coordinator.post("/api/v1/tasks/" + contactId + "/owner",
                "{\"user\": \"coordinator\", \"version\": " + started.path("version").asInt() + "}").json();
        TestClock.fix(Instant.parse("2026-03-11T16:30:00Z"));
        status(coordinator, contactId, "DONE", owned.path("version").asInt());

        // the second plan's contact waits on the patient, then is cancelled; its medication reconciliation is done late
        JsonNode other = task(coordinator, second, "TCM_INTERACTIVE_CONTACT");
        JsonNode waiting = status(coordinator, other.path("id").asText(), "WAITING_ON_PATIENT", other.path("version").asInt());
        TestClock.fix(Instant.parse("2026-03-20T14:00:00Z"));
        status(coordinator, other.path("id").asText(), "CANCELLED", waiting.path("version").asInt());
        JsonNode medRec = task(nurse, second, "MEDICATION_RECONCILIATION");
        status(nurse, medRec.path("id").asText(), "DONE", medRec.path("version").asInt());

        // the referral's plan: its first task done, which releases the next
        JsonNode referralTask = coordinator.get("/api/v1/plans/" + referral).json().path("tasks").get(0);
        status(http.asUser("frontdesk"), referralTask.path("id").asText(), "DONE", referralTask.path("version").asInt());

        // every task of these plans as the tracker has it, and as the dashboards keep it
        for (String plan : plans) {
            assertThat(kept(plan)).as("plan " + plan).isEqualTo(tracked(plan));
        }
        assertThat(jdbc.sql("select status from dashboard_stage_entry where task_id = cast(:id as uuid) order by id")
                .param("id", contactId).query(String.class).list()).containsExactly("READY", "IN_PROGRESS", "DONE");
        assertThat(fromScratch()).isEqualTo(rollups());

        // a counter broken by hand is put right by rebuilding the rollups
        jdbc.sql("update dashboard_count set tasks = tasks + 5 where ctid = (select min(ctid) from dashboard_count)").update();
        assertThat(rollups()).isNotEqualTo(fromScratch());
        rebuild.rollups();
        assertThat(rollups()).isEqualTo(fromScratch());

        // a task written past the tracker (no event) is taken in by rebuilding everything from the tracker
        UUID loaded = UUID.randomUUID();
        jdbc.sql("""
                insert into task (id, plan_id, purpose, position, patient_id, location, program, task_type, status, stage, priority,
                                  priority_rank, queue, role, due_at, rule_set_version, created_at, status_since)
                select :id, plan_id, purpose, 9, patient_id, location, program, task_type, 'IN_PROGRESS', 'COORDINATION', priority,
                       priority_rank, queue, role, due_at, rule_set_version, created_at, created_at + interval '1 hour'
                from task where id = cast(:contact as uuid)""").param("id", loaded).param("contact", contactId).update();
        assertThat(jdbc.sql("select count(*) from dashboard_task where task_id = :id").param("id", loaded).query(Long.class).single()).isZero();
        DashboardRebuild.Rebuilt rebuilt = rebuild.everything();
        assertThat(rebuilt.tasks()).isPositive();
        assertThat(kept(first)).isEqualTo(tracked(first));
        assertThat(jdbc.sql("select status from dashboard_stage_entry where task_id = :id order by id").param("id", loaded)
                .query(String.class).list()).containsExactly("UNRECORDED", "IN_PROGRESS");
        assertThat(rollups()).isEqualTo(fromScratch());
    }

    private String intake(String path, String body) {
        HttpJson.Response response = http.post(path, body);
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        String plan = response.json().path("planId").asText();
        plans.add(plan);
        return plan;
    }

    private static JsonNode task(HttpJson who, String plan, String type) {
        for (JsonNode t : who.get("/api/v1/plans/" + plan).json().path("tasks")) {
            if (t.path("type").asText().equals(type) || t.path("taskType").asText().equals(type)) {
                return t;
            }
        }
        throw new AssertionError("no " + type + " in plan " + plan);
    }

    private static JsonNode status(HttpJson who, String task, String status, int version) {
        HttpJson.Response response = who.post("/api/v1/tasks/" + task + "/status",
                "{\"status\": \"" + status + "\", \"version\": " + version + "}");
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    /** The tracker's tasks of a plan, the columns the dashboards keep. */
    private List<String> tracked(String plan) {
        return jdbc.sql("""
                        select concat_ws(' ', id, location, program, task_type, queue, stage, status, priority_rank, due_at, created_at,
                                         status_since, version)
                        from task where plan_id = cast(:plan as uuid) order by id""")
                .param("plan", plan).query(String.class).list();
    }

    private List<String> kept(String plan) {
        return jdbc.sql("""
                        select concat_ws(' ', task_id, location, program, task_type, queue, stage, status, priority_rank, due_at, created_at,
                                         status_since, version)
                        from dashboard_task where plan_id = cast(:plan as uuid) order by task_id""")
                .param("plan", plan).query(String.class).list();
    }

    /** Every rollup row (zero counters left out), as text. */
    private List<String> rollups() {
        List<String> rows = new ArrayList<>(jdbc.sql("""
                select concat_ws(' ', 'count', location, program, queue, stage, status, tasks) from dashboard_count where tasks <> 0
                order by 1""").query(String.class).list());
        rows.addAll(jdbc.sql("""
                select concat_ws(' ', 'sla', location, program, queue, stage, month, done, met, open) from dashboard_sla_month
                where done <> 0 or met <> 0 or open <> 0 order by 1""").query(String.class).list());
        rows.addAll(jdbc.sql("""
                select concat_ws(' ', 'stay', task_id, stage, round(closed_seconds), open_since) from dashboard_stage_stay order by 1""")
                .query(String.class).list());
        return rows;
    }

    /**
     * The same numbers from the projection's task rows and journal, computed here another way: counts and months
     * straight from the rows, each task's stays by walking its journal entries in the order they were written.
     */
    private List<String> fromScratch() {
        String zone = jdbc.sql("select zone from dashboard_projection").query(String.class).single();
        List<String> rows = new ArrayList<>(jdbc.sql("""
                select concat_ws(' ', 'count', location, program, coalesce(queue, ''), stage, status, count(*)) from dashboard_task
                group by location, program, coalesce(queue, ''), stage, status order by 1""").query(String.class).list());
        rows.addAll(jdbc.sql("""
                select concat_ws(' ', 'sla', location, program, queue, stage, month, sum(done), sum(in_time), sum(1 - done))
                from (select location, program, coalesce(queue, '') as queue, stage, to_char(due_at at time zone :zone, 'YYYY-MM') as month,
                             case when status = 'DONE' then 1 else 0 end as done,
                             case when status = 'DONE' and status_since <= due_at then 1 else 0 end as in_time
                      from dashboard_task where status <> 'CANCELLED' and due_at is not null) due
                group by location, program, queue, stage, month order by 1""")
                .param("zone", zone).query(String.class).list());
        // each task's journal in the order it was written: a stretch lasts until the next entry, and counts while open
        List<Object[]> entries = jdbc.sql("""
                        select task_id, stage, status, extract(epoch from entered_at), entered_at::text from dashboard_stage_entry
                        order by task_id, id""")
                .query((rs, n) -> new Object[] {rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getDouble(4), rs.getString(5)})
                .list();
        java.util.Map<String, double[]> closed = new java.util.TreeMap<>();
        java.util.Map<String, String> open = new java.util.TreeMap<>();
        for (int i = 0; i < entries.size(); i++) {
            Object[] e = entries.get(i);
            if (e[2].equals("DONE") || e[2].equals("CANCELLED")) {
                continue;
            }
            String stay = e[0] + " " + e[1];
            double[] sum = closed.computeIfAbsent(stay, k -> new double[1]);
            if (i + 1 < entries.size() && entries.get(i + 1)[0].equals(e[0])) {
                sum[0] += (double) entries.get(i + 1)[3] - (double) e[3];
            } else {
                open.put(stay, (String) e[4]);
            }
        }
        List<String> stays = new ArrayList<>();
        closed.forEach((stay, sum) -> stays.add("stay " + stay + " " + Math.round(sum[0]) + (open.containsKey(stay) ? " " + open.get(stay) : "")));
        rows.addAll(stays.stream().sorted().toList());
        return rows;
    }

    private static String discharge(String sourceId) {
        return """
                {"sourceSystem": "EHR-ADT", "sourceId": "%s",
                 "patient": {"id": "pt-%s", "payer": "MEDICARE", "memberId": "%s", "language": "en", "location": "MAIN_CLINIC",
                             "consentOnFile": true},
                 "program": "TCM", "complexity": "HIGH", "dischargeAt": "2026-03-09T08:00:00-04:00"}
                """.formatted(sourceId, sourceId, PhiValues.MEMBER_ID);
    }

    private static String referral(String sourceId, boolean complete) {
        return """
                {"sourceSystem": "REFERRALS", "sourceId": "%s",
                 "patient": {"id": "pt-%s", "payer": "MEDICAID", %s"language": "en", "location": "MAIN_CLINIC", "consentOnFile": true},
                 "program": "REFERRAL", "referralReason": "knee pain", "referringProvider": "%s",
                 "diagnosisCode": "M25.561", "referralUrgency": "ROUTINE", "receivingSpecialty": "ORTHOPEDICS"}
                """.formatted(sourceId, sourceId, complete ? "\"memberId\": \"" + PhiValues.MEMBER_ID + "\", " : "", PhiValues.PROVIDER);
    }
}
