package app.baton.reevaluation;

import app.baton.careplan.TaskDecider;
import app.baton.careplan.TaskQueries;
import app.baton.careplan.TaskRow;
import app.baton.careplan.Tasks;

import app.baton.decision.DecisionResponse;
import app.baton.engine.model.CaseInput;
import app.baton.review.OpenWork;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The tracker's open tasks for an impact analysis (and the re-evaluation preview that reads its report): each as it
 * stands, with the input {@link TaskDecider} would ask the rules about it, read through the care plan's {@link Tasks}
 * and {@link TaskQueries}. Reads only; nothing is decided here.
 */
@Component
class TrackerOpenWork implements OpenWork {

    private final Tasks tasks;
    private final TaskQueries queries;
    private final TaskDecider decider;

    TrackerOpenWork(Tasks tasks, TaskQueries queries, TaskDecider decider) {
        this.tasks = tasks;
        this.queries = queries;
        this.decider = decider;
    }

    @Override
    public long count(Set<String> locations) {
        return queries.countOpen(locations);
    }

    @Override
    public List<OpenTask> page(UUID after, int size, Set<String> locations) {
        return tasks.openAfter(after, size, locations).stream().map(this::open).toList();
    }

    private OpenTask open(TaskRow task) {
        List<String> missing = task.missingInfo() == null ? List.of()
                : task.missingInfo().stream().map(DecisionResponse.MissingInfo::field).toList();
        return new OpenTask(task.id(), task.decisionId(), task.queue(), task.dueAt(), missing,
                task.nextAction() == null ? null : task.nextAction().code(), input(task));
    }

    /** The task's input as the rules see it, or null when its plan's stored facts cannot be read: one bad row fails one task, not the analysis. */
    private CaseInput input(TaskRow task) {
        try {
            return TaskDecider.input(decider.facts(task), task);
        } catch (IllegalStateException e) {
            return null;
        }
    }
}
