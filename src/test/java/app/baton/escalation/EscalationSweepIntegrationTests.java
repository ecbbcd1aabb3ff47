package app.baton.escalation;

import app.baton.intake.Intake;

import app.baton.HttpJson;
import app.baton.TestClock;
import app.baton.WebIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The escalation sweep on real PostgreSQL with the clock moved (never slept): a TCM contact gets one
 * reminder before it is due, escalates at level 1 once overdue and at level 2 48 hours later; sweeping
 * again stores and sends nothing new; two sweeps racing store and send each step exactly once.
 */
class EscalationSweepIntegrationTests extends WebIntegrationTest {

    @Autowired
    EscalationSweep sweep;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void realTime() {
        TestClock.reset();
    }

    @Test
    void overdueContactIsRemindedOnceThenEscalatesLevelByLevelAndNeverTwice() {
        TestClock.fix(Instant.parse("2026-03-09T14:00:00Z"));
        String contactId = contactOfNewPlan();

        // Nothing is due within a day yet: no alert.
        sweep.run();
        assertThat(alerts(contactId)).isEmpty();

        // Wednesday noon, due at midnight: one reminder, sent once however often the sweep runs. It is the second
        // business day after discharge with no attempt logged: the step before the deadline (level 0) goes out too,
        // while the contact can still be made today.
        TestClock.fix(Instant.parse("2026-03-11T16:00:00Z"));
        sweep.run();
        sweep.run();
        assertThat(alerts(contactId)).containsExactlyInAnyOrder("REMINDER 0 CARE_COORDINATION", "ESCALATION 0 CARE_COORDINATION_LEAD");
        assertThat(notices(contactId, "REMINDER")).hasSize(1);
        // The notice is narrowed to the patient's location, taken from the task row the sweep read.
        assertThat(notices(contactId, "REMINDER").get(0)).containsEntry("location", "MAIN_CLINIC");
        assertThat(notices(contactId, "ESCALATION")).singleElement()
                .satisfies(n -> assertThat((String) n.get("codes")).contains("\"level\": \"0\"", "\"escalationKey\": \"esc-0-"));
        // The care coordination lead code reaches the clinical leads in the app (baton.notifications.queue-roles).
        awaitInApp(contactId, 1);

        // Thursday 00:00:30, just overdue: outside business hours nothing is raised; the step waits for the morning.
        TestClock.fix(Instant.parse("2026-03-12T04:00:30Z"));
        sweep.run();
        assertThat(alerts(contactId)).noneMatch(a -> a.startsWith("ESCALATION 1 "));

        // Thursday 09:00, the first business hour: level 1 to the care coordination lead.
        TestClock.fix(Instant.parse("2026-03-12T13:00:00Z"));
        EscalationSweep.Result first = sweep.run();
        assertThat(first.failed()).isZero();
        assertThat(alerts(contactId)).containsExactlyInAnyOrder("REMINDER 0 CARE_COORDINATION", "ESCALATION 0 CARE_COORDINATION_LEAD",
                "ESCALATION 1 CARE_COORDINATION_LEAD");
        List<Map<String, Object>> escalations = notices(contactId, "ESCALATION");
        assertThat(escalations).hasSize(2).allSatisfy(n -> assertThat(n).containsEntry("queue", "CARE_COORDINATION_LEAD")
                .containsEntry("location", "MAIN_CLINIC"));
        assertThat(escalations).anySatisfy(n -> assertThat((String) n.get("codes")).contains("\"level\": \"1\"", "\"escalationKey\": \"esc-1-"));
        awaitInApp(contactId, 2);

        // Saturday, more than 48 hours overdue: not a working day, so level 2 waits for Monday's first business hour.
        TestClock.fix(Instant.parse("2026-03-14T13:00:00Z"));
        sweep.run();
        assertThat(alerts(contactId)).noneMatch(a -> a.startsWith("ESCALATION 2 "));

        // Monday 09:00: level 2; the earlier steps are not raised again.
        TestClock.fix(Instant.parse("2026-03-16T13:00:00Z"));
        sweep.run();
        List<String> afterLevel2 = alerts(contactId);
        assertThat(afterLevel2).hasSize(4).contains("ESCALATION 1 CARE_COORDINATION_LEAD")
                .anyMatch(a -> a.startsWith("ESCALATION 2 "));
        assertThat(notices(contactId, "ESCALATION")).hasSize(3);

        // Sweeping again, later still: nothing new is stored or sent.
        TestClock.advance(Duration.ofMinutes(5));
        sweep.run();
        sweep.run();
        assertThat(alerts(contactId)).isEqualTo(afterLevel2);
        assertThat(notices(contactId, "ESCALATION")).hasSize(3);
        assertThat(notices(contactId, "REMINDER")).hasSize(1);
    }

    @Test
    void twoSweepsRacingStoreAndSendEachStepOnce() throws Exception {
        TestClock.fix(Instant.parse("2026-03-09T14:00:00Z"));
        List<String> contacts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            contacts.add(contactOfNewPlan());
        }
        TestClock.fix(Instant.parse("2026-03-16T13:00:00Z")); // Monday 09:00: more than 48 hours overdue, every step due at once

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Callable<EscalationSweep.Result> racer = () -> {
                start.await();
                return sweep.run();
            };
            Future<EscalationSweep.Result> a = threads.submit(racer);
            Future<EscalationSweep.Result> b = threads.submit(racer);
            start.countDown();
            a.get();
            b.get();
        } finally {
            threads.shutdownNow();
        }

        for (String contactId : contacts) {
            List<String> stored = alerts(contactId);
            assertThat(stored).as("task %s", contactId).hasSize(3).contains("ESCALATION 0 CARE_COORDINATION_LEAD",
                    "ESCALATION 1 CARE_COORDINATION_LEAD");
            List<String> keys = jdbc.sql("select alert_key from task_alert where task_id = cast(:task as uuid)")
                    .param("task", contactId).query(String.class).list();
            for (String key : keys) {
                assertThat(jdbc.sql("select count(*) from notification_outbox where codes ->> 'escalationKey' = :key")
                        .param("key", key).query(Integer.class).single()).as("notices for %s", key).isEqualTo(1);
            }
        }
    }

    @Test
    void aTaskWaitingForItsPrerequisiteDoesNotEscalateItsPrerequisiteDoes() {
        TestClock.fix(Instant.parse("2026-03-09T14:00:00Z"));
        HttpJson.Response intake = http.post("/api/v1/intake/referrals", Intake.referral(Intake.newId()));
        assertThat(intake.status()).as(intake.text()).isEqualTo(201);
        String planId = intake.json().path("planId").asText();
        String intakeTaskId = jdbc.sql("select id::text from task where plan_id = cast(:plan as uuid) and task_type = 'REFERRAL_INTAKE'")
                .param("plan", planId).query(String.class).single();
        String schedulingId = jdbc.sql("select id::text from task where prerequisite_id = cast(:first as uuid)")
                .param("first", intakeTaskId).query(String.class).single();

        // A month later both tasks are past their due dates; scheduling still waits for the referral's intake.
        TestClock.fix(Instant.parse("2026-04-09T14:00:00Z"));
        sweep.run();
        assertThat(jdbc.sql("select status from task where id = cast(:id as uuid)").param("id", schedulingId).query(String.class).single())
                .isEqualTo("NEW");
        assertThat(alerts(schedulingId)).as("nobody can work a NEW task: no reminder, no escalation").isEmpty();
        assertThat(alerts(intakeTaskId)).as("the prerequisite carries the escalation").anyMatch(a -> a.startsWith("ESCALATION 1 "));

        // Once the intake task is done, scheduling can be worked, and its own clock applies.
        HttpJson frontDesk = http.asUser("frontdesk");
        int version = frontDesk.get("/api/v1/tasks/" + intakeTaskId).json().path("version").asInt();
        HttpJson.Response done = frontDesk.post("/api/v1/tasks/" + intakeTaskId + "/status", "{\"status\": \"DONE\", \"version\": " + version + "}");
        assertThat(done.status()).as(done.text()).isEqualTo(200);
        sweep.run();
        assertThat(alerts(schedulingId)).anyMatch(a -> a.startsWith("ESCALATION 1 "));
    }

    private String contactOfNewPlan() {
        HttpJson.Response intake = http.post("/api/v1/intake/discharges", Intake.tcmDischarge(Intake.newId(), "MAIN_CLINIC"));
        assertThat(intake.status()).as(intake.text()).isEqualTo(201);
        JsonNode plan = http.asUser("coordinator").get("/api/v1/plans/" + intake.json().path("planId").asText()).json();
        for (JsonNode task : plan.path("tasks")) {
            if (task.path("taskType").asText().equals("TCM_INTERACTIVE_CONTACT")) {
                return task.path("id").asText();
            }
        }
        throw new AssertionError("no contact task in " + plan);
    }

    /** The user's in-app escalations of this task, every page read (the test clock's notices sort after the suite's newer ones). */
    /**
     * Waits for the fan-out to put the escalations in the clinical lead's app. The fan-out runs on the scheduler, whose clock
     * is the test clock: with the clock held in March, a fan-out execution an earlier test scheduled at a later time would
     * never come due, so the clock runs in real time while waiting (each next step fixes it again).
     */
    private void awaitInApp(String contactId, int escalations) {
        TestClock.reset();
        await().atMost(Duration.ofSeconds(120)).until(() -> escalationsInApp("clinlead", contactId) == escalations);
    }

    private long escalationsInApp(String user, String taskId) {
        long n = 0;
        for (int number = 0; ; number++) {
            JsonNode page = http.asUser(user).get("/api/v1/notifications?size=100&page=" + number).json();
            if (page.path("items").isEmpty()) {
                return n;
            }
            for (JsonNode entry : page.path("items")) {
                if (entry.path("kind").asText().equals("ESCALATION") && entry.path("taskId").asText().equals(taskId)) {
                    n++;
                }
            }
        }
    }

    private List<String> alerts(String taskId) {
        return jdbc.sql("select kind || ' ' || level || ' ' || recipient from task_alert where task_id = cast(:task as uuid) order by raised_at, level")
                .param("task", taskId).query(String.class).list();
    }

    private List<Map<String, Object>> notices(String taskId, String kind) {
        return jdbc.sql("select queue, role, username, location, codes::text as codes from notification_outbox where task_id = :task and kind = :kind")
                .param("task", taskId).param("kind", kind).query().listOfRows();
    }
}
