package app.baton.tracker;

import app.baton.engine.CompiledRules;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Asks the rules about a task and stores the answer: on creation, and after every change of its
 * status, owner or history. A task that lands in another queue is handed off (TaskHandedOff), in
 * the transaction that stores it.
 */
@Component
class TaskDecider {

    private final TrackerRules rules;
    private final Tasks tasks;
    private final Plans plans;
    private final Intakes intakes;
    private final ApplicationEventPublisher events;

    TaskDecider(TrackerRules rules, Tasks tasks, Plans plans, Intakes intakes, ApplicationEventPublisher events) {
        this.rules = rules;
        this.tasks = tasks;
        this.plans = plans;
        this.intakes = intakes;
        this.events = events;
    }

    /**
     * Decides and inserts a new task at its place in the plan; returns it as stored. {@code missing}, when given, replaces
     * the task's own missing fields (a held intake's task lists all the intake lacks).
     */
    TaskRow create(TaskRow draft, int position, CaseFacts facts, CompiledRules compiled, ZonedDateTime asOf, List<Decided.Flag> missing) {
        Decided d = rules.decide(compiled, facts, planId(draft), draft, asOf);
        Decided decided = missing == null ? d : new Decided(d.ruleSetVersion(), d.queue(), d.role(), d.routingRule(), d.dueAt(), d.slaBasis(),
                d.dueRule(), d.nextAction(), missing, d.trace());
        TaskRow task = draft.decided(decided, true);
        tasks.insert(task, position);
        handedOff(null, task);
        return task;
    }

    /**
     * Decides the changed task with the active version and stores it, unless someone changed it
     * since {@code changed.version()}. The due date moves only if the version that set it decides
     * again, or when {@code forceDue} (an explicit re-evaluation).
     */
    Optional<TaskRow> redecide(TaskRow before, TaskRow changed, boolean forceDue) {
        return redecide(before, changed, forceDue, null);
    }

    /** As {@link #redecide(TaskRow, TaskRow, boolean)}, with a held intake's whole list of missing fields. */
    Optional<TaskRow> redecide(TaskRow before, TaskRow changed, boolean forceDue, List<Decided.Flag> missing) {
        CompiledRules compiled = rules.current();
        Decided d = rules.decide(compiled, facts(changed), planId(changed), changed, rules.now());
        Decided decided = missing == null ? d : new Decided(d.ruleSetVersion(), d.queue(), d.role(), d.routingRule(), d.dueAt(), d.slaBasis(),
                d.dueRule(), d.nextAction(), missing, d.trace());
        TaskRow next = changed.decided(decided, forceDue || changed.dueFollows(decided));
        if (!tasks.update(next)) {
            return Optional.empty();
        }
        TaskRow stored = withVersion(next, next.version() + 1);
        if (!Objects.equals(before.queue(), stored.queue())) {
            handedOff(before.queue(), stored);
        }
        return Optional.of(stored);
    }

    /** What the rules would say about the task now, without storing anything. */
    Decided preview(CompiledRules compiled, TaskRow task) {
        return rules.decide(compiled, facts(task), planId(task), task, rules.now());
    }

    CaseFacts facts(TaskRow task) {
        if (task.planId() != null) {
            return plans.find(task.planId()).orElseThrow(() -> new IllegalStateException("task without its plan")).facts();
        }
        return intakes.find(task.intakeId()).orElseThrow(() -> new IllegalStateException("task without its intake")).facts();
    }

    private void handedOff(String fromQueue, TaskRow task) {
        events.publishEvent(new TaskHandedOff(task.id(), task.planId(), task.patientId(), fromQueue, task.queue(), task.role(),
                task.ownerUser(), task.program().name(), task.type().name(), task.ruleSetVersion()));
    }

    private static String planId(TaskRow task) {
        return task.planId() == null ? null : task.planId().toString();
    }

    static TaskRow withVersion(TaskRow t, int version) {
        return new TaskRow(t.id(), t.planId(), t.intakeId(), t.prerequisiteId(), t.purpose(), t.patientId(), t.location(), t.program(),
                t.type(), t.status(), t.priority(), t.queue(), t.role(), t.routingRule(), t.ownerUser(), t.dueAt(), t.slaBasis(), t.dueRule(),
                t.dueRuleSetVersion(), t.nextAction(), t.missingInfo(), t.trace(), t.ruleSetVersion(), t.attempts(), t.submittedAt(),
                t.createdAt(), t.statusSince(), version);
    }
}
