package app.baton.engine.model;

/** A required field that is absent, with the reason and the rule that requires it. */
public record MissingInfo(String field, String reason, String rule) {
}
