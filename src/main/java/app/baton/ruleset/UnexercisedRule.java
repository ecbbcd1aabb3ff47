package app.baton.ruleset;

/** A rule no scenario fired, with where it comes from, e.g. {@code routing.drl.xlsx#Routing!row 14}. */
public record UnexercisedRule(String rule, String source) {
}
