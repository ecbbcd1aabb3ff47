package app.baton.ruleset;

/** A rule set version was stored; published inside the transaction that stores it. */
public record RuleSetCreated(int version, String sha256, String author) {
}
