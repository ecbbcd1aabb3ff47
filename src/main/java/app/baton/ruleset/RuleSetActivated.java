package app.baton.ruleset;

/** A rule set version now makes every decision in this instance. */
public record RuleSetActivated(int version, String sha256, int rules) {
}
