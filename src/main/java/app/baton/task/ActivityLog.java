package app.baton.task;

import app.baton.careplan.ActivityRequest;

import app.baton.careplan.Activities;

import app.baton.careplan.PlanLocks;
import app.baton.careplan.TaskDecider;
import app.baton.careplan.TaskRow;

import app.baton.decision.AskedBy;
import app.baton.decision.TaskDecisions;
import app.baton.system.Callers;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.UUID;

/**
 * Appends to a task's activity log and lets the history count: an unsuccessful call attempt adds
 * to the task's attempts, and the task is decided again, so its next-best action follows (a second
 * attempt, then a letter). Needs no version from the client: an entry changes nothing anyone wrote.
 */
@Service
public class ActivityLog {

    private final Activities activities;
    private final PlanLocks locks;
    private final TaskDecider decider;
    private final TaskDecisions rules;
    private final Callers callers;
    private final ApplicationEventPublisher events;

    ActivityLog(Activities activities, PlanLocks locks, TaskDecider decider, TaskDecisions rules, Callers callers,
                ApplicationEventPublisher events) {
        this.activities = activities;
        this.locks = locks;
        this.decider = decider;
        this.rules = rules;
        this.callers = callers;
        this.events = events;
    }

    /** The entry's id and the task as it is after the entry. */
    public record Logged(long activityId, TaskRow task) {
    }

    @Transactional
    public Logged append(UUID taskId, ActivityRequest entry) {
        entry.requireFieldsOfKind();
        TaskRow task = locks.lockedTask(taskId);
        long id = activities.append(taskId, entry, callers.current(task.patientId()).actor().name(), rules.now().toOffsetDateTime());
        TaskRow after = task;
        if (entry.unsuccessfulCall() || task.status().isOpen()) {
            TaskRow changed = entry.unsuccessfulCall() ? task.withAttempts(task.attempts() + 1) : task;
            after = decider.redecide(task, changed, false, AskedBy.ACTIVITY)
                    .orElseThrow(() -> new IllegalStateException("a task changed under its plan's lock"));
        }
        events.publishEvent(new ActivityLogged(taskId, task.planId(), task.patientId(), id, entry.kind().name(),
                entry.outcome() == null ? null : entry.outcome().name()));
        return new Logged(id, after);
    }
}
