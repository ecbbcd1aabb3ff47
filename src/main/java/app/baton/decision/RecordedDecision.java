package app.baton.decision;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.OffsetDateTime;

/** A stored decision for GET /api/v1/decisions/{id}: the answer, the inputs it used, and when. */
public record RecordedDecision(String decisionId, String ruleSetVersion, OffsetDateTime recordedAt,
                               int evaluationMicros, JsonNode inputs, DecisionResponse decision) {
}
