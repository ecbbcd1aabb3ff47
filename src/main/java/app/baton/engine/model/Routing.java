package app.baton.engine.model;

/** Which role queue owns the task now, and the rule that said so. */
public record Routing(String queue, String role, String rule) {
}
