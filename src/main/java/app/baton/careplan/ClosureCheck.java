package app.baton.careplan;

import app.baton.decision.TaskDecisions;
import app.baton.engine.CompiledRules;
import app.baton.engine.PlanEvaluation;
import app.baton.engine.model.ClosureItem;
import app.baton.engine.model.TaskStatus;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * A plan's closure checklist from the active rule set's closure table: each item met when a task
 * of its type in the plan is DONE. Besides the table, a plan with an open task cannot close.
 */
@Component
public class ClosureCheck {

    private final TaskDecisions rules;

    ClosureCheck(TaskDecisions rules) {
        this.rules = rules;
    }

    /** One item of the checklist and whether the plan meets it. */
    public record Item(String requirement, String taskType, String reason, boolean met, String rule, String source) {
    }

    record Result(int ruleSetVersion, List<Item> items) {

        boolean met() {
            return items.stream().allMatch(Item::met);
        }

        List<Item> unmet() {
            return items.stream().filter(item -> !item.met()).toList();
        }
    }

    public Result check(CaseFacts facts, List<TaskRow> tasks) {
        CompiledRules compiled = rules.current();
        PlanEvaluation plan = rules.plan(compiled, facts.program(), facts.complexity(), rules.now());
        List<Item> items = new ArrayList<>();
        for (ClosureItem item : plan.checklist()) {
            boolean done = tasks.stream().anyMatch(t -> t.type() == item.taskType() && t.status() == TaskStatus.DONE);
            items.add(new Item("DONE " + item.taskType(), item.taskType().name(), item.reason(), done, item.rule(),
                    rules.source(compiled, item.rule())));
        }
        for (TaskRow open : tasks.stream().filter(t -> t.status().isOpen()).toList()) {
            items.add(new Item("SETTLED " + open.id(), open.type().name(), "every task is done or cancelled before a plan closes",
                    false, null, null));
        }
        return new Result(Integer.parseInt(compiled.version()), items);
    }
}
