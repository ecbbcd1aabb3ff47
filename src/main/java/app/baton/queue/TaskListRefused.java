package app.baton.queue;

/**
 * A work list was refused: the caller's roles do not list this queue (minimum necessary, a 403
 * {@code queue-not-allowed}). For the audit trail (outcome DENIED, by the refused caller); names the
 * queue, never a patient.
 */
public record TaskListRefused(String queue) {
}
