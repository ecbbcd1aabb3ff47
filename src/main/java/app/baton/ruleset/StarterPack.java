package app.baton.ruleset;

import app.baton.engine.ShippedRules;

/** The starter rule pack shipped inside the application, as the bundle that seeds version 1. */
final class StarterPack {

    static final String AUTHOR = "starter-pack";

    private StarterPack() {
    }

    static RuleSetBundle load() {
        return new RuleSetBundle(ShippedRules.release().files());
    }
}
