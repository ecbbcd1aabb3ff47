package app.baton.ruleset;

import java.time.OffsetDateTime;

/** One step in a version's history: CREATED, APPROVED, ACTIVATED, ROLLED_BACK or RETIRED, by whom and why. */
public record RuleSetEvent(int version, String kind, String actor, String note, OffsetDateTime at) {
}
