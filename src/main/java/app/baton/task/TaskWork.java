package app.baton.task;

import app.baton.careplan.Dependents;
import app.baton.careplan.TaskCompleted;
import app.baton.careplan.TaskStatusChanged;
import app.baton.careplan.Transitions;

import app.baton.careplan.PlanLocks;
import app.baton.careplan.TaskDecider;
import app.baton.careplan.TaskRow;
import app.baton.careplan.Tasks;
import app.baton.careplan.TrackerProblems;
import app.baton.intake.PlanBuilder;

import app.baton.decision.AskedBy;
import app.baton.decision.TaskDecisions;
import app.baton.engine.model.TaskStatus;
import app.baton.security.UserDirectory;
import app.baton.system.ApiException;
import app.baton.system.Problems;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Status changes and assignments of one task, each in one transaction under its plan's lock (so a
 * plan's tasks and its closure change one at a time). The client sends back the version it read;
 * a stale version is refused and nothing is changed. Every change asks the rules again (routing,
 * due date, next-best action) and hands the task to its next queue.
 */
@Service
public class TaskWork {

    private final Tasks tasks;
    private final PlanLocks locks;
    private final TaskDecider decider;
    private final Dependents dependents;
    private final TaskDecisions rules;
    private final UserDirectory directory;
    private final ApplicationEventPublisher events;
    private final PlanBuilder builder;

    TaskWork(Tasks tasks, PlanLocks locks, TaskDecider decider, Dependents dependents, TaskDecisions rules,
             UserDirectory directory, ApplicationEventPublisher events, PlanBuilder builder) {
        this.builder = builder;
        this.directory = directory;
        this.tasks = tasks;
        this.locks = locks;
        this.decider = decider;
        this.dependents = dependents;
        this.rules = rules;
        this.events = events;
    }

    @Transactional
    public TaskRow changeStatus(UUID id, TaskStatus to, int version) {
        TaskRow task = locks.lockedTask(id);
        if (task.purpose() == TaskRow.Purpose.MISSING_INFO) {
            throw new ApiException(HttpStatus.CONFLICT, "intake-held", "This task holds an intake",
                    "it is done when the intake's missing fields come in: POST /api/v1/intake/" + task.intakeId() + "/fields");
        }
        requireVersion(task, version);
        boolean prerequisiteOpen = dependents.prerequisiteOpen(task);
        Set<TaskStatus> allowed = Transitions.allowed(task.status(), prerequisiteOpen);
        if (!allowed.contains(to)) {
            throw TrackerProblems.illegalTransition(task.status().name(), to.name(), allowed,
                    prerequisiteOpen && task.status().isOpen() ? "it waits for task " + task.prerequisiteId() + " to be done" : null);
        }
        TaskRow changed = decider.redecide(task, task.withStatus(to, rules.now().toOffsetDateTime()), false, AskedBy.STATUS_CHANGE)
                .orElseThrow(() -> TrackerProblems.stale(version, version + 1));
        events.publishEvent(new TaskStatusChanged(changed.id(), changed.planId(), changed.patientId(), changed.program().name(),
                changed.type().name(), task.status().name(), to.name(), changed.version()));
        if (to == TaskStatus.DONE) {
            events.publishEvent(new TaskCompleted(changed.id(), changed.planId(), changed.patientId(), changed.program().name(),
                    changed.type().name(), changed.ruleSetVersion()));
        }
        if (!to.isOpen()) {
            dependents.release(changed);
            builder.nextMonth(changed);
        }
        return changed;
    }

    /**
     * Gives the task to a person of its queue ({@code user} null: back to the queue). The queue stays. The person must
     * be an enabled account that holds the role the routing table gave the task and works at the task's location;
     * anyone else is a 422 naming the field {@code user} (the name sent is not repeated).
     */
    @Transactional
    public TaskRow assign(UUID id, String user, int version) {
        TaskRow task = locks.lockedTask(id);
        requireVersion(task, version);
        if (!task.status().isOpen()) {
            throw new ApiException(HttpStatus.CONFLICT, "task-closed", "The task is closed", "a " + task.status() + " task has no owner to change");
        }
        String owner = user == null ? null : directory.enabledUserWorking(user, task.role(), task.location())
                .orElseThrow(() -> cannotWork(task));
        TaskRow changed = decider.redecide(task, task.withOwner(owner), false, AskedBy.ASSIGNMENT).orElseThrow(() -> TrackerProblems.stale(version, version + 1));
        events.publishEvent(new TaskAssigned(changed.id(), changed.planId(), changed.patientId(), changed.queue(), changed.ownerUser(),
                changed.version()));
        return changed;
    }

    private static ApiException cannotWork(TaskRow task) {
        return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "owner-cannot-work-task", "This person cannot work this task",
                "the owner must be an enabled user with role " + task.role() + " at the task's location; "
                        + "send null to give the task back to its queue",
                List.of(new Problems.FieldError("user", "not an enabled user with role " + task.role() + " at the task's location")));
    }

    private static void requireVersion(TaskRow task, int version) {
        if (task.version() != version) {
            throw TrackerProblems.stale(version, task.version());
        }
    }
}
