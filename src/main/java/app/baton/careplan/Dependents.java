package app.baton.careplan;

import app.baton.decision.AskedBy;
import app.baton.engine.model.Program;
import app.baton.engine.model.TaskStatus;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Prerequisites between a plan's tasks: a task waits (NEW) while the task it follows is open, and
 * becomes READY by itself, decided again and handed to its queue, once that task is done or
 * cancelled. A prior authorization's follow-up takes the submission's completion as its
 * submission time, which its due date runs from.
 */
@Component
public class Dependents {

    private final Tasks tasks;
    private final TaskDecider decider;
    private final ApplicationEventPublisher events;

    Dependents(Tasks tasks, TaskDecider decider, ApplicationEventPublisher events) {
        this.tasks = tasks;
        this.decider = decider;
        this.events = events;
    }

    public boolean prerequisiteOpen(TaskRow task) {
        return task.prerequisiteId() != null && tasks.find(task.prerequisiteId()).map(p -> p.status().isOpen()).orElse(false);
    }

    /** Called in the transaction that settled {@code settled}, under its plan's lock. */
    public void release(TaskRow settled) {
        if (settled.planId() == null) {
            return;
        }
        for (TaskRow waiting : tasks.ofPlan(settled.planId())) {
            if (!settled.id().equals(waiting.prerequisiteId()) || waiting.status() != TaskStatus.NEW) {
                continue;
            }
            TaskRow ready = waiting.withStatus(TaskStatus.READY, settled.statusSince());
            if (waiting.program() == Program.PRIOR_AUTH && settled.status() == TaskStatus.DONE && waiting.submittedAt() == null) {
                ready = ready.withSubmittedAt(settled.statusSince());
            }
            TaskRow stored = decider.redecide(waiting, ready, false, AskedBy.STATUS_CHANGE)
                    .orElseThrow(() -> new IllegalStateException("a waiting task changed under its plan's lock"));
            events.publishEvent(new TaskStatusChanged(stored.id(), stored.planId(), stored.patientId(), stored.program().name(),
                    stored.type().name(), TaskStatus.NEW.name(), TaskStatus.READY.name(), stored.version()));
        }
    }
}
