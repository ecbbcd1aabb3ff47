package app.baton.ruleset;

/**
 * A rule set version became the active one, for every instance; published inside the transaction
 * that activates it. A rollback is the activation of a version that was active before.
 *
 * @param previous the version it replaced, null for the first version
 */
public record RuleSetActivated(int version, String sha256, Integer previous, boolean rollback,
                               String actor, String note) {
}
