package app.baton.decision;

import java.util.UUID;

/**
 * A caller asked for a stored decision about a patient outside its locations and got a 404, as if
 * it did not exist; compliance reviewers see the attempt. Published on the reading thread.
 */
public record DecisionReadDenied(UUID decisionId, String patientId) {
}
