package app.baton.decision;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * What replaying a recorded decision needs: the version that made it, the evaluation instant, the
 * minimized inputs as stored (presence-only fields as {@code memberIdPresent} and the like, never
 * values) and the answer as sent.
 */
public record ReplayRecord(UUID decisionId, int ruleSetVersion, OffsetDateTime asOf, OffsetDateTime recordedAt,
                           String taskId, JsonNode inputs, DecisionResponse response) {
}
