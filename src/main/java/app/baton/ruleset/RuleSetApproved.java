package app.baton.ruleset;

/** A clinical lead other than the author approved a draft; published inside the approving transaction. */
public record RuleSetApproved(int version, String sha256, String author, String approver, String note) {
}
