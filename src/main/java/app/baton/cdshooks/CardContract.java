package app.baton.cdshooks;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The rules of CDS Hooks 2.0 every card Baton sends keeps; {@link #problems} lists what a card breaks, and a hook
 * answers only with cards that break none (a broken card is Baton's bug: the call fails instead of misleading an EHR).
 */
final class CardContract {

    static final int SUMMARY_LIMIT = 140;
    private static final Set<String> INDICATORS = Set.of("info", "warning", "critical");
    private static final Set<String> SELECTION = Set.of("at-most-one", "any");
    private static final Set<String> ACTIONS = Set.of("create", "update", "delete");

    private CardContract() {
    }

    static List<String> problems(Card card) {
        List<String> problems = new ArrayList<>();
        if (card.uuid() == null) {
            problems.add("uuid is missing");
        }
        if (card.summary() == null || card.summary().isBlank() || card.summary().length() >= SUMMARY_LIMIT) {
            problems.add("summary must be 1 to " + (SUMMARY_LIMIT - 1) + " characters");
        }
        if (!in(INDICATORS, card.indicator())) {
            problems.add("indicator must be info, warning or critical");
        }
        if (card.source() == null || card.source().label() == null || card.source().label().isBlank()) {
            problems.add("source.label is missing");
        }
        boolean suggests = card.suggestions() != null && !card.suggestions().isEmpty();
        if (suggests && !in(SELECTION, card.selectionBehavior())) {
            problems.add("selectionBehavior is required with suggestions (at-most-one or any)");
        }
        if (suggests) {
            card.suggestions().forEach(s -> suggestion(s, problems));
        }
        if (card.overrideReasons() != null) {
            card.overrideReasons().stream().filter(r -> r.code() == null || r.system() == null || r.display() == null || r.display().isBlank())
                    .forEach(r -> problems.add("override reason " + r.code() + " needs system, code and display"));
        }
        if (card.links() != null) {
            card.links().stream().filter(l -> !(l.url() != null && l.url().matches("https?://.+") && ("absolute".equals(l.type())
                    || "smart".equals(l.type())))).forEach(l -> problems.add("link " + l.label() + " needs an absolute URL and a type"));
        }
        return problems;
    }

    private static void suggestion(Card.Suggestion suggestion, List<String> problems) {
        if (suggestion.uuid() == null) {
            problems.add("suggestion " + suggestion.label() + ": uuid is missing");
        }
        if (suggestion.actions() == null) {
            return;
        }
        for (Card.Action action : suggestion.actions()) {
            if (!in(ACTIONS, action.type()) || action.description() == null || action.description().isBlank()) {
                problems.add("suggestion " + suggestion.label() + ": an action needs a type (create, update, delete) and a description");
            } else if (action.type().equals("delete") && (action.resourceId() == null || action.resourceId().isEmpty())) {
                problems.add("suggestion " + suggestion.label() + ": a delete action names its resourceId");
            } else if (!action.type().equals("delete") && action.resource() == null) {
                problems.add("suggestion " + suggestion.label() + ": a " + action.type() + " action carries its resource");
            }
        }
    }

    /** Set.of(...).contains(null) throws: a missing value is simply not allowed. */
    private static boolean in(Set<String> allowed, String value) {
        return value != null && allowed.contains(value);
    }

    /** Throws when the card breaks a rule: never sent. */
    static Card checked(Card card) {
        List<String> problems = problems(card);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("a card breaks the CDS Hooks contract: " + problems);
        }
        return card;
    }
}
