package app.baton.review;

import app.baton.decision.TaskDecision;
import app.baton.decision.TaskDecisions;
import app.baton.engine.CompiledRules;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * The open-task part of an impact analysis, answered at once for the active version: what re-evaluating the open
 * tasks now would change. The re-evaluation preview is this, so there is one what-if tool: the same evaluation and
 * the same counts as the {@code openTasks} part of an analysis of the active version.
 */
@Service
public class OpenTaskImpact {

    private final OpenWork openWork;
    private final TaskDecisions decisions;
    private final ImpactProperties properties;

    OpenTaskImpact(OpenWork openWork, TaskDecisions decisions, ImpactProperties properties) {
        this.openWork = openWork;
        this.decisions = decisions;
        this.properties = properties;
    }

    /**
     * Evaluates the open tasks at these locations ({@code locations} null: all) with the active version, recording
     * nothing; hands each evaluated task and the active version's answer to {@code each} (tasks a rule failed on are
     * counted, not handed on), and answers the report's open-task part.
     */
    public ImpactReport.OpenTasks ofActiveVersion(Set<String> locations, BiConsumer<OpenWork.OpenTask, TaskDecision> each) {
        CompiledRules active = decisions.current();
        ImpactTally tally = new ImpactTally(Integer.parseInt(active.version()));
        OpenTaskEvaluator evaluator = new OpenTaskEvaluator(active, active, decisions, decisions.now(), tally);
        UUID after = new UUID(0, 0);
        for (List<OpenWork.OpenTask> page = openWork.page(after, properties.pageSize(), locations); !page.isEmpty();
             page = openWork.page(after, properties.pageSize(), locations)) {
            for (OpenWork.OpenTask task : page) {
                TaskDecision decided = evaluator.evaluate(task);
                if (decided != null) {
                    each.accept(task, decided);
                }
            }
            after = page.get(page.size() - 1).id();
        }
        return tally.openTasks();
    }
}
