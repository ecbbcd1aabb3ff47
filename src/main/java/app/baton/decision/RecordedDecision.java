package app.baton.decision;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A stored decision for GET /api/v1/decisions/{id}: the answer, the inputs it used, and when.
 *
 * @param withheld the stored input fields left out because the caller's roles do not need them
 */
public record RecordedDecision(String decisionId, String ruleSetVersion, OffsetDateTime recordedAt,
                               int evaluationMicros, JsonNode inputs, List<String> withheld, DecisionResponse decision) {
}
