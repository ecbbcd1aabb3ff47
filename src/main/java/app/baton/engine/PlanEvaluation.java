package app.baton.engine;

import app.baton.engine.model.ClosureItem;
import app.baton.engine.model.PlanStep;

import java.util.List;

/**
 * What the plan tables decided for one care plan, with the rules that fired in firing order. {@code notEligible} is
 * the plan template's reason why no plan may be made (an emergency department visit is not a TCM discharge), or null;
 * {@code notEligibleRule} the rule (template row) that gave it.
 */
public record PlanEvaluation(List<PlanStep> steps, List<ClosureItem> checklist, List<String> firedRules, String notEligible,
                             String notEligibleRule) {

    public PlanEvaluation(List<PlanStep> steps, List<ClosureItem> checklist, List<String> firedRules) {
        this(steps, checklist, firedRules, null, null);
    }

    public PlanEvaluation(List<PlanStep> steps, List<ClosureItem> checklist, List<String> firedRules, String notEligible) {
        this(steps, checklist, firedRules, notEligible, null);
    }
}
