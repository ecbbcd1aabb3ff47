package app.baton.console.ruleset;

import app.baton.ruleset.RuleSetEvent;
import app.baton.ruleset.RuleSetVersion;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** Rule set versions newest first, each with the periods in which it decided. */
record Timeline(List<Entry> entries) {

    /** A stretch of time in which a version was the active one; {@code until} is null while it still is. */
    record Period(OffsetDateTime from, OffsetDateTime until) {
    }

    record Entry(RuleSetVersion version, List<Period> activePeriods) {

        public boolean active() {
            return RuleSetVersion.ACTIVE.equals(version.status());
        }
    }

    static Entry entry(RuleSetVersion version, List<RuleSetEvent> history) {
        List<Period> periods = new ArrayList<>();
        OffsetDateTime started = null;
        for (RuleSetEvent event : history) {
            switch (event.kind()) {
                case "ACTIVATED", "ROLLED_BACK" -> started = started == null ? event.at() : started;
                case "RETIRED" -> {
                    if (started != null) {
                        periods.add(new Period(started, event.at()));
                        started = null;
                    }
                }
                default -> {
                }
            }
        }
        if (started == null && RuleSetVersion.ACTIVE.equals(version.status())) {
            // the starter pack becomes active when seeded, without an activation event of its own
            started = version.activatedAt() != null ? version.activatedAt() : version.createdAt();
        }
        if (started != null) {
            periods.add(new Period(started, null));
        }
        return new Entry(version, List.copyOf(periods));
    }
}
