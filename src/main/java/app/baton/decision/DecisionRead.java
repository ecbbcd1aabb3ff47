package app.baton.decision;

import java.util.UUID;

/**
 * A stored decision was read back: by GET /api/v1/decisions/{id}, or by a client that sent the same
 * request again and got the first answer ({@code replay}). Published on the reading thread.
 */
public record DecisionRead(UUID decisionId, String patientId, String taskId, boolean replay) {
}
