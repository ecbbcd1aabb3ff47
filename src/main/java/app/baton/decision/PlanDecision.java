package app.baton.decision;

import app.baton.engine.PlanEvaluation;

import java.util.UUID;
import java.util.function.Supplier;

/**
 * One evaluation of a care plan's template, made by {@link PlanDecisions}: the template's answer (the plan's tasks, or
 * why no plan may be made, each from its {@code file#Sheet!row}) as a decision about the plan, and the row that records
 * it ({@link DecisionSubject#PLAN_TEMPLATE}: no task). Its id is fixed when it is made, so a caller (a CDS Hooks card)
 * can point at it before it is stored.
 */
public final class PlanDecision {

    private final UUID id;
    private final int ruleSetVersion;
    private final DecisionResponse response;
    private final PlanEvaluation plan;
    private final Supplier<DecisionRow> rowOf;
    private DecisionRow row;

    PlanDecision(UUID id, int ruleSetVersion, DecisionResponse response, PlanEvaluation plan, Supplier<DecisionRow> rowOf) {
        this.id = id;
        this.ruleSetVersion = ruleSetVersion;
        this.response = response;
        this.plan = plan;
        this.rowOf = rowOf;
    }

    public UUID id() {
        return id;
    }

    public int ruleSetVersion() {
        return ruleSetVersion;
    }

    /** The answer as GET /api/v1/decisions/{id} gives it ({@code planTemplate} and the trace of the rows that fired). */
    public DecisionResponse response() {
        return response;
    }

    /** The template's evaluation: its steps in row order, its closure checklist, or its refusal. */
    public PlanEvaluation plan() {
        return plan;
    }

    /** The template's reason why no plan may be made, or null when it may. */
    public String notEligibleBecause() {
        return plan.notEligible();
    }

    synchronized DecisionRow row() {
        if (row == null) {
            row = rowOf.get();
        }
        return row;
    }
}
