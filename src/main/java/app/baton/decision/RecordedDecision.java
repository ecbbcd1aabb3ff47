package app.baton.decision;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A stored decision for GET /api/v1/decisions/{id}: the answer, the inputs it used, when, and what asked for it.
 *
 * @param withheld the stored input fields left out because the caller's roles do not need them
 * @param askedBy  what asked: API, or the tracker's step (INTAKE, STATUS_CHANGE, ASSIGNMENT, ACTIVITY, PLAN_FACTS, SWEEP,
 *                 RE_EVALUATION)
 * @param actor    who was acting: the user's or API key's name, or "system" (the sweep)
 * @param subject  what the decision answers: TASK (every decision recorded before plan template answers were), or
 *                 PLAN_TEMPLATE (a care plan's template: {@code decision.planTemplate}; no task in the inputs)
 */
public record RecordedDecision(String decisionId, String ruleSetVersion, OffsetDateTime recordedAt,
                               int evaluationMicros, JsonNode inputs, List<String> withheld, DecisionResponse decision,
                               String askedBy, String actor, String subject) {
}
