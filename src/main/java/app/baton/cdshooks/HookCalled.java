package app.baton.cdshooks;

/**
 * An EHR called a hook about a patient, published in the transaction that records the hook's decisions and cards:
 * the audit trail keeps the call itself, also when it made no decision (a patient without open work in Baton).
 * Ids and codes only.
 */
public record HookCalled(String service, String hookInstance, String patientId, int decisions, int cards) {
}
