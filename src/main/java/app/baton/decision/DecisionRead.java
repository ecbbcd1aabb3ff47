package app.baton.decision;

import java.util.UUID;

/** A stored decision was read back (GET /api/v1/decisions/{id}); published on the reading thread. */
public record DecisionRead(UUID decisionId, String patientId, String taskId) {
}
