package app.baton.engine.model;

/** What the owner should do next, and the rule that prompts it. */
public record NextAction(String code, String prompt, String rule) {
}
