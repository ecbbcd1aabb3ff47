package app.baton.escalation;

import app.baton.careplan.OpenTaskPages;
import app.baton.intake.Intake;

import app.baton.decision.TaskDecisions;
import app.baton.HttpJson;
import app.baton.TestClock;
import app.baton.WebIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * A sweep that dies in the middle (here: its third raised step throws, as a killed instance would stop,
 * in pages of two tasks) loses only the page in hand: the pages before it are stored with their notices,
 * that page has neither, and the next sweep stores and notifies the rest, nothing twice. A page read that fails (read
 * ahead, while the page before it is evaluated) stops the sweep with its own error, after the page before it is stored.
 */
class SweepCrashIntegrationTests extends WebIntegrationTest {

    @Autowired
    TaskDecisions rules;
    @Autowired
    OpenTaskPages openTasks;
    @Autowired
    TaskAlerts alerts;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    EscalationSweep sweep;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void realTime() {
        TestClock.reset();
    }

    @Test
    void aSweepThatDiesMidwayLosesOnlyItsPageAndTheNextSweepRepeatsNothing() {
        List<String> contacts = fourOverdueContacts();
        AtomicInteger raised = new AtomicInteger();
        ApplicationEventPublisher dying = event -> {
            // each contact raises two steps (level 0: no attempt by business day 2; level 1: overdue), so a page of two
            // tasks raises four: the fifth is in the second page
            if (event instanceof EscalationRaised && raised.incrementAndGet() == 5) {
                throw new IllegalStateException("the instance dies here");
            }
            events.publishEvent(event);
        };
        EscalationSweep crashing = new EscalationSweep(rules, openTasks, alerts, new SweepProperties(true, Duration.ofMinutes(1), 2, Duration.ofHours(24), null, null),
                dying, transactions);

        assertThatThrownBy(crashing::run).hasMessageContaining("the instance dies here");
        int storedBeforeCrash = count("select count(*) from task_alert where kind = 'ESCALATION'");
        assertThat(storedBeforeCrash).as("the first page's steps were committed").isGreaterThanOrEqualTo(2);
        assertEveryStepHasExactlyOneNotice();

        sweep.run();
        sweep.run();
        assertEveryStepHasExactlyOneNotice();
        assertEachEscalatedOnce(contacts);
    }

    @Test
    void aReadThatFailsAheadStopsTheSweepWithItsOwnErrorAfterThePagesBeforeIt() {
        List<String> contacts = fourOverdueContacts();
        // The second page is read while the first is evaluated: its failure surfaces once the first page is stored.
        AtomicInteger reads = new AtomicInteger();
        OpenTaskPages failing = mock(OpenTaskPages.class);
        when(failing.workableDueBy(any(), any(), anyInt())).thenAnswer(call -> {
            if (reads.incrementAndGet() == 2) {
                throw new DataAccessResourceFailureException("the database went away");
            }
            return openTasks.workableDueBy(call.getArgument(0), call.getArgument(1), call.getArgument(2));
        });
        EscalationSweep crashing = new EscalationSweep(rules, failing, alerts, new SweepProperties(true, Duration.ofMinutes(1), 2, Duration.ofHours(24), null, null),
                events, transactions);

        assertThatThrownBy(crashing::run).isInstanceOf(DataAccessResourceFailureException.class)
                .hasMessageContaining("the database went away");
        assertThat(reads).hasValue(2);
        assertThat(count("select count(*) from task_alert where kind = 'ESCALATION'")).as("the first page's steps were committed")
                .isGreaterThanOrEqualTo(2);
        assertEveryStepHasExactlyOneNotice();

        sweep.run();
        assertEveryStepHasExactlyOneNotice();
        assertEachEscalatedOnce(contacts);
    }

    /** Four TCM contacts of new plans on Monday, and the clock on Thursday, when each has two steps due. */
    private List<String> fourOverdueContacts() {
        TestClock.fix(Instant.parse("2026-03-09T14:00:00Z"));
        List<String> contacts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            contacts.add(contactOfNewPlan());
        }
        TestClock.fix(Instant.parse("2026-03-12T13:00:00Z"));
        return contacts;
    }

    private void assertEachEscalatedOnce(List<String> contacts) {
        for (String contactId : contacts) {
            assertThat(jdbc.sql("select count(*) from task_alert where task_id = cast(:task as uuid) and kind = 'ESCALATION' and level = 1")
                    .param("task", contactId).query(Integer.class).single()).as("contact %s", contactId).isEqualTo(1);
        }
    }

    private void assertEveryStepHasExactlyOneNotice() {
        assertThat(count("""
                select count(*) from task_alert a
                where a.kind = 'ESCALATION'
                  and (select count(*) from notification_outbox n where n.codes ->> 'escalationKey' = a.alert_key) <> 1""")).isZero();
        assertThat(count("""
                select count(*) from notification_outbox n where n.kind = 'ESCALATION' and n.codes ->> 'escalationKey' is not null
                  and not exists (select 1 from task_alert a where a.alert_key = n.codes ->> 'escalationKey')""")).isZero();
    }

    private int count(String sql) {
        return jdbc.sql(sql).query(Integer.class).single();
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
}
