package app.baton.engine;

import app.baton.engine.model.ClosureItem;
import app.baton.engine.model.PlanStep;

import java.util.List;

/** What the plan tables decided for one care plan, with the rules that fired in firing order. */
public record PlanEvaluation(List<PlanStep> steps, List<ClosureItem> checklist, List<String> firedRules) {
}
