package app.baton.careplan;

import app.baton.decision.AskedBy;
import app.baton.decision.DecisionResponse;
import app.baton.decision.TaskDecision;
import app.baton.decision.TaskDecisions;
import app.baton.engine.CompiledRules;
import app.baton.engine.model.CaseInput;
import app.baton.engine.model.TaskStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Asks the rules about a task through the decision module ({@link TaskDecisions}) and stores the answer: on
 * creation, and after every change of its status, owner or history. Each answer is a recorded decision, stored in
 * the transaction that stores the task, and the task points at it. A new task may be asked about first and stored
 * later from that same answer ({@link #evaluate}, then {@link #create(Evaluated, List)}): an intake reads its tasks'
 * answers before it knows whether to store them, and never asks twice. Every stored task is announced (TaskChanged), and
 * one that lands in another queue is handed off (TaskHandedOff), in that same transaction.
 */
@Component
public class TaskDecider {

    private final TaskDecisions rules;
    private final Tasks tasks;
    private final Plans plans;
    private final HeldIntakes intakes;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<Dependents> dependents;

    TaskDecider(TaskDecisions rules, Tasks tasks, Plans plans, HeldIntakes intakes, ApplicationEventPublisher events,
                ObjectProvider<Dependents> dependents) {
        this.dependents = dependents;
        this.rules = rules;
        this.tasks = tasks;
        this.plans = plans;
        this.intakes = intakes;
        this.events = events;
    }

    /** What the rules are asked about a task: the kept facts of its plan (or held intake) and the task itself. */
    public static CaseInput input(CaseFacts facts, TaskRow task) {
        CaseInput.Task t = new CaseInput.Task(task.id().toString(), task.type(), task.status(), task.priority(), task.createdAt(),
                task.statusSince(), task.attempts(), task.submittedAt());
        return new CaseInput(null, facts.patient(), facts.carePlan(task.planId() == null ? null : task.planId().toString(), task.stage()), t);
    }

    /**
     * Decides and inserts a new task at its place in the plan; returns it as stored. {@code missing}, when given, replaces
     * the task's own missing fields (a held intake's task lists all the intake lacks).
     */
    public TaskRow create(TaskRow draft, int position, CaseFacts facts, CompiledRules compiled, ZonedDateTime asOf,
                   List<DecisionResponse.MissingInfo> missing) {
        return create(evaluate(draft, position, facts, compiled, asOf), missing);
    }

    /**
     * A new task's first decision, made and not stored: the rules asked about {@code draft} exactly as {@link #create}
     * asks them (its own id, plan, status and stage, at {@code asOf}), so that a caller can look at the answer before
     * it decides what to store (an intake finds what it lacks in its tasks' answers), then store the task from it with
     * {@link #create(Evaluated, List)} or {@link #createAll}. An evaluation never stored concerns no task and leaves
     * no record.
     */
    public Evaluated evaluate(TaskRow draft, int position, CaseFacts facts, CompiledRules compiled, ZonedDateTime asOf) {
        return new Evaluated(draft, position, rules.evaluate(compiled, input(facts, draft), asOf, AskedBy.INTAKE));
    }

    /**
     * Inserts a new task from the decision already made about it ({@link #evaluate}), recording that decision; nothing
     * is evaluated again. {@code missing}, when given, replaces the task's own missing fields.
     */
    public TaskRow create(Evaluated evaluated, List<DecisionResponse.MissingInfo> missing) {
        rules.record(List.of(evaluated.decision()));
        return store(evaluated, missing);
    }

    /**
     * Inserts new tasks from the decisions already made about them, in this order (a task after the task it follows),
     * recording all their decisions in one statement first; returns them as stored.
     */
    public List<TaskRow> createAll(List<Evaluated> evaluated) {
        rules.record(evaluated.stream().map(Evaluated::decision).toList());
        return evaluated.stream().map(e -> store(e, null)).toList();
    }

    private TaskRow store(Evaluated evaluated, List<DecisionResponse.MissingInfo> missing) {
        TaskDecision d = evaluated.decision();
        TaskRow task = evaluated.draft().decided(d, missing == null ? d.missingInfo() : missing, true);
        tasks.insert(task, evaluated.position());
        events.publishEvent(TaskChanged.of(task));
        handedOff(null, task);
        return closeIfTheRulesSay(task);
    }

    /**
     * A task not stored yet, with its place in its plan and the rules' first answer about it, made by {@link #evaluate}
     * (the only way to get one: the decision is the one made about this very draft).
     */
    public static final class Evaluated {

        private final TaskRow draft;
        private final int position;
        private final TaskDecision decision;

        private Evaluated(TaskRow draft, int position, TaskDecision decision) {
            this.draft = draft;
            this.position = position;
            this.decision = decision;
        }

        public TaskRow draft() {
            return draft;
        }

        public int position() {
            return position;
        }

        public TaskDecision decision() {
            return decision;
        }
    }

    /**
     * Decides the changed task with the active version, records the decision and stores the task, unless someone changed
     * it since {@code changed.version()}. The due date moves only if the version that set it decides again, or when
     * {@code forceDue} (an explicit re-evaluation).
     */
    public Optional<TaskRow> redecide(TaskRow before, TaskRow changed, boolean forceDue, AskedBy askedBy) {
        return redecide(before, changed, forceDue, null, askedBy);
    }

    /** As {@link #redecide(TaskRow, TaskRow, boolean, AskedBy)}, with a held intake's whole list of missing fields. */
    public Optional<TaskRow> redecide(TaskRow before, TaskRow changed, boolean forceDue, List<DecisionResponse.MissingInfo> missing,
                               AskedBy askedBy) {
        TaskDecision d = rules.evaluate(rules.current(), input(facts(changed), changed), rules.now(), askedBy);
        return storeRedecided(before, changed, forceDue, missing, d);
    }

    /**
     * Stores a re-evaluation made by {@link #reEvaluate} from that very decision: it is recorded (asked by
     * RE_EVALUATION) and the task points at it, due date included; nothing is evaluated again. Empty, and nothing
     * recorded, when someone changed the task since it was read.
     */
    public Optional<TaskRow> apply(ReEvaluated reEvaluated) {
        return storeRedecided(reEvaluated.task(), reEvaluated.task(), true, null, reEvaluated.decision());
    }

    private Optional<TaskRow> storeRedecided(TaskRow before, TaskRow changed, boolean forceDue, List<DecisionResponse.MissingInfo> missing,
                                           TaskDecision d) {
        TaskRow next = changed.decided(d, missing == null ? d.missingInfo() : missing, forceDue || changed.dueFollows(d));
        if (!tasks.update(next)) {
            return Optional.empty();
        }
        rules.record(List.of(d));
        TaskRow stored = withVersion(next, next.version() + 1);
        events.publishEvent(TaskChanged.of(stored));
        if (!Objects.equals(before.queue(), stored.queue())) {
            handedOff(before.queue(), stored);
        }
        return Optional.of(closeIfTheRulesSay(stored));
    }

    /**
     * A decision whose next-best action closes the task (the next-best-action table's "Close task as": the patient died,
     * left the measure, or the visit that satisfies the task took place) is applied at once, in the caller's transaction:
     * the task moves to that status, the rules decide the closed task again and that decision is recorded too, the
     * change is audited as a status change, and tasks waiting for it are released. The closed task keeps the closing
     * action as its prompt, so staff see why it closed. A task that holds an intake is never closed this way.
     */
    private TaskRow closeIfTheRulesSay(TaskRow task) {
        DecisionResponse.NextBestAction closing = task.nextAction();
        if (closing == null || closing.closesTaskAs() == null || !task.status().isOpen() || task.purpose() == TaskRow.Purpose.MISSING_INFO) {
            return task;
        }
        TaskStatus to = TaskStatus.valueOf(closing.closesTaskAs());
        TaskRow changed = task.withStatus(to, rules.now().toOffsetDateTime());
        TaskDecision d = rules.evaluate(rules.current(), input(facts(changed), changed), rules.now(), AskedBy.STATUS_CHANGE);
        TaskRow next = changed.decided(d, d.missingInfo(), false).withNextAction(closing);
        if (!tasks.update(next)) {
            throw new IllegalStateException("a task changed while the rules closed it");
        }
        rules.record(List.of(d));
        TaskRow closed = withVersion(next, next.version() + 1);
        events.publishEvent(new TaskStatusChanged(closed.id(), closed.planId(), closed.patientId(), closed.program().name(),
                closed.type().name(), task.status().name(), to.name(), closed.version()));
        if (to == TaskStatus.DONE) {
            events.publishEvent(new TaskCompleted(closed.id(), closed.planId(), closed.patientId(), closed.program().name(),
                    closed.type().name(), closed.ruleSetVersion()));
        }
        dependents.getObject().release(closed);
        return closed;
    }

    /**
     * What {@code compiled} says about the task as it stands now (asked by RE_EVALUATION), without storing anything: a
     * re-evaluation compares it with the task and, if it changes something, stores it with {@link #apply}.
     */
    public ReEvaluated reEvaluate(CompiledRules compiled, TaskRow task) {
        return new ReEvaluated(task, rules.evaluate(compiled, input(facts(task), task), rules.now(), AskedBy.RE_EVALUATION));
    }

    /**
     * A stored task and the decision {@link #reEvaluate} made about it as it was read (the only way to get one: the
     * decision is the one made about this very row, so {@link #apply} records what was compared).
     */
    public static final class ReEvaluated {

        private final TaskRow task;
        private final TaskDecision decision;

        private ReEvaluated(TaskRow task, TaskDecision decision) {
            this.task = task;
            this.decision = decision;
        }

        public TaskRow task() {
            return task;
        }

        public TaskDecision decision() {
            return decision;
        }
    }

    public CaseFacts facts(TaskRow task) {
        if (task.planId() != null) {
            return plans.find(task.planId()).orElseThrow(() -> new IllegalStateException("task without its plan")).facts();
        }
        return intakes.facts(task.intakeId()).orElseThrow(() -> new IllegalStateException("task without its intake"));
    }

    private void handedOff(String fromQueue, TaskRow task) {
        events.publishEvent(new TaskHandedOff(task.id(), task.planId(), task.patientId(), fromQueue, task.queue(), task.role(),
                task.ownerUser(), task.program().name(), task.type().name(), task.ruleSetVersion(), task.location()));
    }

    static TaskRow withVersion(TaskRow t, int version) {
        return new TaskRow(t.id(), t.planId(), t.intakeId(), t.prerequisiteId(), t.purpose(), t.patientId(), t.location(), t.program(),
                t.type(), t.status(), t.priority(), t.queue(), t.role(), t.routingRule(), t.ownerUser(), t.dueAt(), t.slaBasis(), t.dueRule(),
                t.dueRuleSetVersion(), t.nextAction(), t.missingInfo(), t.trace(), t.ruleSetVersion(), t.attempts(), t.submittedAt(),
                t.createdAt(), t.statusSince(), version, t.decisionId(), t.dueDecisionId());
    }
}
