package app.baton.decision;

import app.baton.engine.CompiledRules;
import app.baton.engine.PlanEvaluation;
import app.baton.engine.model.CaseInput;
import app.baton.engine.model.PlanStep;
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

import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * A care plan's template answer (which tasks the plan gets, or the template's "Not eligible because" and the row that
 * said it) as a recorded decision, like a task's: the rule set version, the rows that fired as {@code file#Sheet!row N}
 * in {@code trace}, the minimized inputs the rules read (no task section), what asked and who acted, audited through
 * {@link DecisionsRecorded}. Stored with subject {@link DecisionSubject#PLAN_TEMPLATE}, no task id or type, and read back
 * by GET /api/v1/decisions/{id} with {@code decision.planTemplate}.
 *
 * <p>{@link #record} stores in the caller's transaction (a CDS Hooks call, with its cards); {@link #decideApart} stores
 * in a transaction of its own, committed before it returns, for an answer that refuses: the intake's 422
 * {@code not-eligible} rolls back the intake's transaction, and the refusal must still be on record.
 */
@Service
public class PlanDecisions {

    private static final Logger log = LoggerFactory.getLogger(PlanDecisions.class);

    private final Callers callers;
    private final Decisions decisions;
    private final DecisionRecorder recorder;
    private final ApplicationEventPublisher events;
    private final ObjectMapper json;

    PlanDecisions(Callers callers, Decisions decisions, DecisionRecorder recorder, ApplicationEventPublisher events, ObjectMapper json) {
        this.callers = callers;
        this.decisions = decisions;
        this.recorder = recorder;
        this.events = events;
        this.json = json;
    }

    /**
     * Evaluates the plan template of {@code rules} for this patient's plan as of {@code asOf} (every plan-level fact the
     * template may read: program, complexity, setting, destination, age, conditions, ...); stores nothing. Who is acting
     * is taken now, on this thread. A rule that fails is a 500 problem naming the version.
     */
    public PlanDecision evaluate(CompiledRules rules, CaseInput.Patient patient, CaseInput.CarePlan carePlan, ZonedDateTime asOf,
                                 AskedBy askedBy) {
        long started = System.nanoTime();
        PlanEvaluation plan;
        try {
            plan = rules.plan(patient, carePlan, asOf);
        } catch (RuntimeException failure) {
            log.error("rule set version {} failed on the plan template of program {}", rules.version(), carePlan.program(), failure);
            throw new ApiException(HttpStatus.INTERNAL_SERVER_ERROR, "rule-evaluation-failed", "A rule failed",
                    "a rule of version " + rules.version() + " failed while deciding; nothing was changed; quote the correlation id");
        }
        int micros = (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - started) / 1000);
        UUID id = UUID.randomUUID();
        int version = Integer.parseInt(rules.version());
        DecisionResponse response = response(id, rules, asOf, carePlan, plan);
        String patientId = patient == null ? null : patient.id();
        Caller caller = callers.current(patientId);
        return new PlanDecision(id, version, response, plan, () -> {
            CaseInput input = new CaseInput(null, patient, carePlan, null);
            String sha = RequestFingerprint.of(new DecisionRequest(null, asOf.toOffsetDateTime(), null, patient, carePlan, null));
            return new DecisionRow(id, null, sha, version, asOf.toOffsetDateTime(), null, carePlan.program().name(), null,
                    write(MinimizedInputs.of(input, rules.inputsRead())), write(response), micros, patientId, caller, askedBy,
                    DecisionSubject.PLAN_TEMPLATE);
        });
    }

    /**
     * Stores plan template decisions in the caller's transaction and publishes {@link DecisionsRecorded} in it, so their
     * audit entries commit with them. Refuses to run outside a transaction, as {@link TaskDecisions#record} does.
     */
    public void record(Collection<PlanDecision> made) {
        if (made.isEmpty()) {
            return;
        }
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("a plan template decision is recorded in the transaction of the change it makes");
        }
        List<DecisionRow> rows = made.stream().map(PlanDecision::row).toList();
        decisions.insertAtOnce(rows);
        events.publishEvent(new DecisionsRecorded(rows.stream()
                .map(row -> new DecisionsRecorded.Decision(row.id(), row.patientId(), null, row.caller())).toList()));
    }

    /**
     * Evaluates the template as {@link #evaluate} does and records the answer in a transaction of its own (the group
     * commit the decision API uses), committed and audited before this returns, whatever becomes of the caller's
     * transaction: for an answer that is a refusal (the intake's 422 {@code not-eligible}), which rolls the caller's
     * transaction back. Outside any request's transaction too.
     */
    public PlanDecision decideApart(CompiledRules rules, CaseInput.Patient patient, CaseInput.CarePlan carePlan, ZonedDateTime asOf,
                                    AskedBy askedBy) {
        PlanDecision decision = evaluate(rules, patient, carePlan, asOf, askedBy);
        recordApart(decision);
        return decision;
    }

    /** Records an answer already evaluated as {@link #decideApart} does: in a transaction of its own, committed before this returns. */
    public void recordApart(PlanDecision decision) {
        DecisionRecorder.await(recorder.record(decision.row()));
    }

    private static DecisionResponse response(UUID id, CompiledRules rules, ZonedDateTime asOf, CaseInput.CarePlan carePlan,
                                             PlanEvaluation plan) {
        boolean eligible = plan.notEligible() == null;
        List<DecisionResponse.PlanTask> tasks = plan.steps().stream().map(step -> task(rules, step)).toList();
        DecisionResponse.PlanTemplate template = new DecisionResponse.PlanTemplate(carePlan.program().name(), eligible,
                plan.notEligible(), eligible ? null : plan.notEligibleRule(),
                eligible ? null : ResponseAssembler.source(rules, plan.notEligibleRule()), tasks);
        return new DecisionResponse(id.toString(), rules.version(), asOf.toOffsetDateTime(), null, null, List.of(), List.of(),
                List.of(), ResponseAssembler.trace(rules, plan.firedRules()), template);
    }

    private static DecisionResponse.PlanTask task(CompiledRules rules, PlanStep step) {
        return new DecisionResponse.PlanTask(step.taskType().name(), step.after() == null ? null : step.after().name(), step.monthly(),
                step.rule(), ResponseAssembler.source(rules, step.rule()));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize a decision", e);
        }
    }
}
