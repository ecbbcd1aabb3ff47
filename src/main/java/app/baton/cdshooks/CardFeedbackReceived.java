package app.baton.cdshooks;

/**
 * An EHR reported what its users did with Baton's cards; published in the transaction that stores the feedback.
 * Counts only: the comments (which may name the patient) stay in the database.
 */
public record CardFeedbackReceived(String service, int accepted, int overridden) {
}
