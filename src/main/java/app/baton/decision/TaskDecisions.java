package app.baton.decision;

import app.baton.calendar.PracticeCalendars;
import app.baton.calendar.SlaCalendar;
import app.baton.engine.CompiledRules;
import app.baton.engine.Evaluation;
import app.baton.engine.PlanEvaluation;
import app.baton.engine.model.CaseInput;
import app.baton.engine.model.Complexity;
import app.baton.engine.model.Program;
import app.baton.ruleset.ActiveRuleSet;
import app.baton.system.ApiException;
import app.baton.system.Caller;
import app.baton.system.Callers;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The in-process way to the rules for every part of Baton that is not the HTTP decision API (the care-plan
 * tracker: intake, plan building, status changes, activities, plan facts, the escalation sweep, re-evaluation).
 * A task is evaluated by the same code as a decision-API request ({@link DecisionService} calls the package-private
 * {@code evaluate} below: the active version, the practice's calendar, the clock's now, the same
 * {@link ResponseAssembler} and {@link MinimizedInputs}), and {@link #record} stores it
 * in the {@code decision} table in the <em>caller's</em> transaction, with its minimized inputs, what asked
 * ({@link AskedBy}), who acted and the task it belongs to: the tracker's change and the decision that made it
 * commit together or not at all. The recording is audited like an API decision ({@link DecisionsRecorded}).
 */
@Service
public class TaskDecisions {

    private static final Logger log = LoggerFactory.getLogger(TaskDecisions.class);

    private final ActiveRuleSet active;
    private final PracticeCalendars calendars;
    private final Clock clock;
    private final Callers callers;
    private final Decisions decisions;
    private final ApplicationEventPublisher events;
    private final ObjectMapper json;
    private final DecisionMetrics metrics;

    TaskDecisions(ActiveRuleSet active, PracticeCalendars calendars, Clock clock, Callers callers, Decisions decisions,
                  ApplicationEventPublisher events, ObjectMapper json, DecisionMetrics metrics) {
        this.metrics = metrics;
        this.active = active;
        this.calendars = calendars;
        this.clock = clock;
        this.callers = callers;
        this.decisions = decisions;
        this.events = events;
        this.json = json;
    }

    /** Whether a rule set is loaded: not yet while the instance starts. */
    public boolean ready() {
        return active.find().isPresent();
    }

    /** The active version; a caller that decides several tasks in one change takes it once. */
    public CompiledRules current() {
        return active.current();
    }

    /** The practice's default calendar: the tracker keeps no calendar of its own per plan. */
    public SlaCalendar calendar() {
        return calendars.calendar(null, null);
    }

    /** Now, in the practice's zone, from the injectable clock: no rule reads the wall clock. */
    public ZonedDateTime now() {
        return clock.instant().atZone(calendar().zone());
    }

    /** The plan template and closure checklist of a program (plan-level tables; nothing per task to record). */
    public PlanEvaluation plan(CompiledRules rules, Program program, Complexity complexity, ZonedDateTime asOf) {
        return rules.plan(program, complexity, asOf);
    }

    /** The plan template and closure checklist of a program, for a discharge from this setting to this destination. */
    public PlanEvaluation plan(CompiledRules rules, Program program, Complexity complexity,
                               app.baton.engine.model.DischargeSetting setting,
                               app.baton.engine.model.DischargeDestination destination, ZonedDateTime asOf) {
        return rules.plan(program, complexity, setting, destination, asOf);
    }

    /** The plan template and closure checklist for an intake, with every plan-level fact it gives (age, conditions, ...). */
    public PlanEvaluation plan(CompiledRules rules, CaseInput.Patient patient, CaseInput.CarePlan carePlan, ZonedDateTime asOf) {
        return rules.plan(patient, carePlan, asOf);
    }

    /** Where a rule is written ({@code file#Sheet!row N} or {@code file#line N}), as every decision names it. */
    public String source(CompiledRules rules, String rule) {
        return ResponseAssembler.source(rules, rule);
    }

    /**
     * Evaluates a task with {@code rules} as of {@code asOf}; stores nothing. The caller (who is acting) is taken
     * now, on this thread. A rule that fails is a 500 problem naming the version; nothing is changed.
     */
    public TaskDecision evaluate(CompiledRules rules, CaseInput input, ZonedDateTime asOf, AskedBy askedBy) {
        return evaluate(rules, input, asOf, calendar(), askedBy, null, () -> RequestFingerprint.of(new DecisionRequest(null,
                asOf.toOffsetDateTime(), input.practice(), input.patient(), input.carePlan(), input.task())));
    }

    /**
     * The one evaluation every decision goes through, the decision API's included ({@link DecisionService} passes the
     * request's calendar, its scoped idempotency key and the request's fingerprint).
     */
    TaskDecision evaluate(CompiledRules rules, CaseInput input, ZonedDateTime asOf, SlaCalendar calendar, AskedBy askedBy,
                          String scopedKey, Supplier<String> requestSha256) {
        long started = System.nanoTime();
        Evaluation evaluation;
        try {
            evaluation = rules.evaluate(input, asOf, calendar);
        } catch (RuntimeException failure) {
            log.error("rule set version {} failed on task type {}", rules.version(), input.task().type(), failure);
            throw new ApiException(HttpStatus.INTERNAL_SERVER_ERROR, "rule-evaluation-failed", "A rule failed",
                    "a rule of version " + rules.version() + " failed while deciding; nothing was changed; quote the correlation id");
        }
        long nanos = System.nanoTime() - started;
        metrics.evaluated(rules.version(), nanos, evaluation);
        UUID id = UUID.randomUUID();
        DecisionResponse response = ResponseAssembler.assemble(id, rules, asOf, evaluation);
        DueDateRange.check(response.sla() == null ? null : response.sla().dueAt(), input, asOf);
        String patientId = input.patient() == null ? null : input.patient().id();
        // Who is acting is taken now, on the caller's thread; the row (minimized inputs, the response as JSON, the
        // fingerprint) is built only if the decision is recorded: the sweep evaluates far more than it stores.
        Caller caller = callers.current(patientId);
        int version = Integer.parseInt(rules.version());
        return new TaskDecision(id, version, askedBy, response, () -> new DecisionRow(id, scopedKey, requestSha256.get(), version,
                asOf.toOffsetDateTime(), input.task().id(), input.carePlan().program().name(), input.task().type().name(),
                write(MinimizedInputs.of(input, rules.inputsRead())), write(response), (int) Math.min(Integer.MAX_VALUE, nanos / 1000),
                patientId, caller, askedBy));
    }

    /** Evaluates a task and records the decision in the caller's transaction. */
    public TaskDecision decide(CompiledRules rules, CaseInput input, ZonedDateTime asOf, AskedBy askedBy) {
        TaskDecision decision = evaluate(rules, input, asOf, askedBy);
        record(List.of(decision));
        return decision;
    }

    /**
     * Stores evaluated decisions in the caller's transaction (one multi-row statement) and publishes
     * {@link DecisionsRecorded} in it, so the audit entries commit with them. Refuses to run outside a transaction:
     * a decision stored apart from the change it made could outlive a rolled-back change.
     */
    public void record(Collection<TaskDecision> made) {
        if (made.isEmpty()) {
            return;
        }
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("a task decision is recorded in the transaction of the change it makes");
        }
        List<DecisionRow> rows = made.stream().map(TaskDecision::row).toList();
        decisions.insertAtOnce(rows);
        List<DecisionsRecorded.Decision> recorded = new ArrayList<>(rows.size());
        rows.forEach(row -> recorded.add(new DecisionsRecorded.Decision(row.id(), row.patientId(), row.taskId(), row.caller())));
        events.publishEvent(new DecisionsRecorded(recorded));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize a decision", e);
        }
    }
}
