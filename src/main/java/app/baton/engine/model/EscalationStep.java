package app.baton.engine.model;

/** One step of the escalation ladder; {@code key} is stable so a re-run never alerts twice. */
public record EscalationStep(int level, String recipient, String key, String rule) {
}
