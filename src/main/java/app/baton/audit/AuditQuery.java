package app.baton.audit;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A report over the audit trail: filters (null means any; {@code to} is exclusive), the sort order
 * and the page. Codes (action, category, outcome) are already checked against their enums.
 * {@code locations} bounds the entries that name a patient to the patients of these locations (the
 * reader's); null means every location.
 */
record AuditQuery(Instant from, Instant to, String actor, String patientId, AuditAction action, AuditCategory category,
                  AuditOutcome outcome, boolean emergencyOnly, List<Order> sort, int page, int size, Set<String> locations) {

    static final int MAX_SIZE = 500;
    static final int DEFAULT_SIZE = 50;
    static final List<Order> DEFAULT_SORT = List.of(new Order(AuditColumn.OCCURRED_AT, true));

    record Order(AuditColumn column, boolean descending) {
    }

    AuditQuery onlyEmergencies() {
        return new AuditQuery(from, to, actor, patientId, action, category, outcome, true, sort, page, size, locations);
    }

    AuditQuery within(Set<String> readerLocations) {
        return new AuditQuery(from, to, actor, patientId, action, category, outcome, emergencyOnly, sort, page, size,
                readerLocations == null ? null : Set.copyOf(readerLocations));
    }

    /** The names of the filters in use, for the audit entry of the report itself (names, not values). */
    String filterNames() {
        StringBuilder names = new StringBuilder();
        append(names, from, "from");
        append(names, to, "to");
        append(names, actor, "actor");
        append(names, patientId, "patientId");
        append(names, action, "action");
        append(names, category, "category");
        append(names, outcome, "outcome");
        return names.toString();
    }

    private static void append(StringBuilder names, Object value, String name) {
        if (value != null) {
            names.append(names.isEmpty() ? "" : ",").append(name);
        }
    }
}
