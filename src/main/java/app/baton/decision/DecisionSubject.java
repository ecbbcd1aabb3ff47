package app.baton.decision;

/**
 * What a recorded decision answers, stored with it ({@code decision.subject}) and shown as {@code subject} by
 * GET /api/v1/decisions/{id}. Every decision recorded before plan template answers were is about a task.
 */
public enum DecisionSubject {
    /** A task's queue, due date, missing information, next-best actions and escalations. */
    TASK,
    /**
     * A care plan's template: which tasks the plan gets, or why no plan may be made (the template's "Not eligible
     * because"). Names no task; {@link DecisionResponse#planTemplate()} holds the answer.
     */
    PLAN_TEMPLATE
}
