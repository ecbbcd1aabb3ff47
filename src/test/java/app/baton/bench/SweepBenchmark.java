package app.baton.bench;

import app.baton.TestClock;
import app.baton.WebIntegrationTest;
import app.baton.escalation.EscalationSweep;
import com.github.kagkarlsson.scheduler.Scheduler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The escalation sweep's target (issue 5): 100,000 open tasks evaluated and their escalations stored
 * in at most 60 s. Not a test: its name keeps it out of {@code ./mvnw verify}; run it with
 * {@code ./mvnw test -Dtest=SweepBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * It seeds the open tasks straight into PostgreSQL (plus 50,000 done ones, which the sweep skips), all of
 * one TCM plan discharged months ago and all overdue (the worst case: every task is evaluated and gets
 * both escalation steps, each with its notice in the outbox), then runs the sweep twice as the
 * recurring task would: the first run stores every step, the second finds nothing new. The scheduler is paused
 * during the first run, so that the sweep's time is its own, not shared with delivering the notices it queues;
 * then it is resumed and the time to deliver every notice is measured on its own. It prints what each run did and
 * how long it took; it asserts what was stored and delivered, never how fast.
 */
class SweepBenchmark extends WebIntegrationTest {

    static final int OPEN = Integer.getInteger("baton.bench.open-tasks", 100_000);

    @Autowired
    JdbcClient jdbc;
    @Autowired
    EscalationSweep sweep;
    @Autowired
    Scheduler scheduler;

    @AfterEach
    void realClock() {
        TestClock.reset();
    }

    @Test
    void sweepOfOpenTasks() {
        seed();
        // Steps are raised in business hours only: the sweep runs at the next weekday's 11:00 in the practice's zone,
        // after every seeded due date, whatever the time of day the benchmark is run.
        TestClock.fix(businessHour().toInstant());
        scheduler.pause();
        long started = System.nanoTime();
        EscalationSweep.Result first = sweep.run();
        double firstSeconds = (System.nanoTime() - started) / 1e9;
        int undeliveredAfterSweep = jdbc.sql("""
                select count(*) from notification_outbox where kind in ('ESCALATION', 'REMINDER') and dispatched_at is null
                """).query(Integer.class).single();
        int stored = jdbc.sql("select count(*) from task_alert").query(Integer.class).single();
        int notices = jdbc.sql("select count(*) from notification_outbox where kind in ('ESCALATION', 'REMINDER')").query(Integer.class).single();
        System.out.printf("BENCH sweep 1: %,d open tasks evaluated in %d pages, %,d escalation steps and %,d reminders stored and "
                        + "notified, %d failed, in %.1f s (%,.0f tasks/s); task_alert rows %,d, notices %,d%n",
                first.evaluated(), first.pages(), first.escalations(), first.reminders(), first.failed(), firstSeconds,
                first.evaluated() / firstSeconds, stored, notices);
        System.out.println("BENCH sweep 1 stored decisions (count, average inputs and response as JSON text, bytes): " + jdbc.sql("""
                select count(*) || ', ' || round(avg(octet_length(inputs::text))) || ', ' || round(avg(octet_length(response::text)))
                from decision where asked_by = 'SWEEP'
                """).query(String.class).single());
        assertThat(first.evaluated()).isGreaterThanOrEqualTo(OPEN * 49 / 50);
        assertThat(first.failed()).isZero();
        assertThat(stored).isEqualTo(first.escalations() + first.reminders());
        assertThat(notices).isEqualTo(stored);
        assertThat(undeliveredAfterSweep).as("no notice is delivered while the scheduler is paused").isEqualTo(notices);

        started = System.nanoTime();
        scheduler.resume();
        scheduler.triggerCheckForDueExecutions();
        while (undelivered() > 0 && System.nanoTime() - started < 900e9) {
            sleep();
        }
        System.out.printf("BENCH delivery of sweep 1's notices: %,d notices, %,d left undelivered, in %.1f s%n", notices,
                undelivered(), (System.nanoTime() - started) / 1e9);
        assertThat(undelivered()).isZero();

        started = System.nanoTime();
        EscalationSweep.Result second = sweep.run();
        double secondSeconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("BENCH sweep 2 (nothing new): %,d evaluated, %,d new steps, %,d new reminders, in %.1f s%n",
                second.evaluated(), second.escalations(), second.reminders(), secondSeconds);
        assertThat(second.escalations()).isZero();
        assertThat(jdbc.sql("select count(*) from task_alert").query(Integer.class).single()).isEqualTo(stored + second.reminders());
    }

    private int undelivered() {
        return jdbc.sql("select count(*) from notification_outbox where dispatched_at is null").query(Integer.class).single();
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static ZonedDateTime businessHour() {
        ZonedDateTime at = ZonedDateTime.now(ZoneId.of("America/New_York")).plusDays(1).with(LocalTime.of(11, 0));
        while (at.getDayOfWeek() == DayOfWeek.SATURDAY || at.getDayOfWeek() == DayOfWeek.SUNDAY) {
            at = at.plusDays(1);
        }
        return at;
    }

    private void seed() {
        long started = System.nanoTime();
        String planId = http.post("/api/v1/intake/discharges", """
                {"sourceSystem": "BENCH", "sourceId": "%s", "patient": {"id": "bench", "payer": "MEDICARE", "memberId": "B-1",
                 "language": "en", "location": "MAIN_CLINIC", "consentOnFile": true},
                 "program": "TCM", "complexity": "HIGH", "dischargeAt": "2026-03-09T08:00:00-04:00"}
                """.formatted(UUID.randomUUID())).json().path("planId").asText();
        List<String> queues = List.of("CARE_COORDINATION", "CARE_COORDINATION", "CARE_COORDINATION", "NURSING", "SCHEDULING", "FRONT_DESK");
        List<String> roles = List.of("CARE_COORDINATOR", "CARE_COORDINATOR", "CARE_COORDINATOR", "CLINICAL_STAFF", "FRONT_DESK", "FRONT_DESK");
        List<String> types = List.of("TCM_INTERACTIVE_CONTACT", "TCM_INTERACTIVE_CONTACT", "TCM_INTERACTIVE_CONTACT", "MEDICATION_RECONCILIATION",
                "TCM_FACE_TO_FACE", "TCM_FACE_TO_FACE");
        jdbc.sql("""
                insert into task (id, plan_id, purpose, position, patient_id, location, program, task_type, status, stage, priority,
                                  priority_rank, queue, role, due_at, sla_basis, rule_set_version, created_at, status_since)
                select gen_random_uuid(), cast(:plan as uuid), 'PLAN', 0, 'bench',
                       case when g % 10 < 7 then 'MAIN_CLINIC' else 'SATELLITE_CLINIC' end, 'TCM', (cast(:types as text[]))[1 + g % 6],
                       case when g > :open then 'DONE' when g % 7 = 0 then 'WAITING_ON_PATIENT' else 'READY' end,
                       case when g > :open then 'CLOSURE' else 'COORDINATION' end,
                       (array['ROUTINE', 'ROUTINE', 'URGENT', 'EXPEDITED'])[1 + g % 4],
                       (array[2, 2, 1, 0])[1 + g % 4],
                       (cast(:queues as text[]))[1 + g % 6], (cast(:roles as text[]))[1 + g % 6],
                       case when g % 50 = 0 then null else now() - (1 + (g * 7919) % 43200) * interval '1 minute' end,
                       '2 business days after discharge', 1, now() - interval '40 days', now() - interval '40 days'
                from generate_series(1, :total) g
                """).param("plan", planId).param("open", OPEN).param("total", OPEN + OPEN / 2)
                .param("queues", queues.toArray(String[]::new)).param("roles", roles.toArray(String[]::new))
                .param("types", types.toArray(String[]::new)).update();
        jdbc.sql("analyze task").update();
        System.out.printf("BENCH seeded %,d open and %,d done tasks in %.1f s%n", OPEN, OPEN / 2, (System.nanoTime() - started) / 1e9);
    }
}
