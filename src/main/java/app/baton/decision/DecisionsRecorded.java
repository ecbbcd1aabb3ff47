package app.baton.decision;

import app.baton.system.Caller;

import java.util.List;
import java.util.UUID;

/**
 * Decisions were stored, published inside the transaction that stores them: a listener that
 * writes in that transaction commits or fails together with the decisions. Replays of an
 * idempotency key store nothing and are not in the list.
 */
public record DecisionsRecorded(List<Decision> decisions) {

    public DecisionsRecorded {
        decisions = List.copyOf(decisions);
    }

    /** One stored decision, the patient it concerns (null when the request named none) and who asked for it. */
    public record Decision(UUID decisionId, String patientId, String taskId, Caller caller) {
    }
}
