package app.baton.reevaluation;

import app.baton.careplan.TaskDecider;
import app.baton.careplan.TaskRow;
import app.baton.careplan.Tasks;

import app.baton.decision.DecisionResponse;
import app.baton.engine.model.CaseInput;
import app.baton.review.OpenWork;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The tracker's open tasks for an impact analysis (and the re-evaluation preview that reads its report): each as it
 * stands, with the input {@link TaskDecider} would ask the rules about it. Reads only; nothing is decided here.
 */
@Component
class TrackerOpenWork implements OpenWork {

    private final Tasks tasks;
    private final TaskDecider decider;
    private final JdbcClient jdbc;

    TrackerOpenWork(Tasks tasks, TaskDecider decider, JdbcClient jdbc) {
        this.tasks = tasks;
        this.decider = decider;
        this.jdbc = jdbc;
    }

    @Override
    public long count(Set<String> locations) {
        String where = locations == null ? "" : " and location in (:locations)";
        var sql = jdbc.sql("select count(*) from task where status not in ('DONE', 'CANCELLED')" + where);
        return (locations == null ? sql : sql.param("locations", locations.isEmpty() ? Set.of("") : locations)).query(Long.class).single();
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
