package app.baton.decision;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One decision as stored: JSON columns are carried as text. */
record DecisionRow(UUID id, String idempotencyKey, String requestSha256, int ruleSetVersion, OffsetDateTime asOf,
                   String taskId, String program, String taskType, String inputsJson, String responseJson,
                   int evaluationMicros) {
}
