package app.baton.audit;

import app.baton.system.Caller;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One event to append to the audit trail. {@code details} is a small map of strings that must never
 * hold patient data (no names, member IDs, birth dates or notes): the patient is named by id only,
 * in {@code patientId}. The one exception is the reason a person stated when breaking the glass, which
 * compliance must read to review the access. A null {@code caller} means "whoever acts on the recording thread".
 */
public record AuditEntry(AuditAction action, AuditCategory category, String objectType, String objectId,
                         String patientId, AuditOutcome outcome, boolean emergency, Map<String, String> details,
                         Caller caller) {

    static final int MAX_DETAILS = 16;
    /** Long enough for a break-glass reason (500 characters), which compliance reviews. */
    static final int MAX_DETAIL_LENGTH = 500;

    public AuditEntry {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(outcome, "outcome");
        details = details == null ? Map.of() : checked(details);
    }

    /** A successful action on an object, with no patient, details or emergency access. */
    public static AuditEntry of(AuditAction action, AuditCategory category, String objectType, String objectId) {
        return new AuditEntry(action, category, objectType, objectId, null, AuditOutcome.SUCCESS, false, Map.of(), null);
    }

    public AuditEntry withPatient(String patientId) {
        return new AuditEntry(action, category, objectType, objectId, patientId, outcome, emergency, details, caller);
    }

    public AuditEntry withOutcome(AuditOutcome outcome) {
        return new AuditEntry(action, category, objectType, objectId, patientId, outcome, emergency, details, caller);
    }

    public AuditEntry withDetails(Map<String, String> details) {
        return new AuditEntry(action, category, objectType, objectId, patientId, outcome, emergency, details, caller);
    }

    /** Flags the entry as emergency (break-glass) access. */
    public AuditEntry asEmergency() {
        return new AuditEntry(action, category, objectType, objectId, patientId, outcome, true, details, caller);
    }

    /** Attributes the entry to a caller captured earlier, on the thread that served the request. */
    public AuditEntry by(Caller caller) {
        return new AuditEntry(action, category, objectType, objectId, patientId, outcome, emergency, details, caller);
    }

    /**
     * Details as recorded: keys are Baton's own and must be short; a value may carry what a caller sent (a refused
     * request's path or method), so a longer one is cut to {@link #MAX_DETAIL_LENGTH} characters, ending in an ellipsis,
     * rather than turning the audited action into a failure.
     */
    private static Map<String, String> checked(Map<String, String> details) {
        if (details.size() > MAX_DETAILS) {
            throw new IllegalArgumentException("audit details hold at most " + MAX_DETAILS + " entries");
        }
        Map<String, String> sorted = new TreeMap<>();
        details.forEach((key, value) -> {
            if (key == null || value == null || key.length() > MAX_DETAIL_LENGTH) {
                throw new IllegalArgumentException("audit details are non-null strings with keys of at most " + MAX_DETAIL_LENGTH
                        + " characters");
            }
            sorted.put(key, clipped(value));
        });
        return Collections.unmodifiableMap(sorted);
    }

    /** {@code text} cut to {@link #MAX_DETAIL_LENGTH} characters, its last an ellipsis, when it is longer. */
    static String clipped(String text) {
        return text.length() <= MAX_DETAIL_LENGTH ? text : text.substring(0, MAX_DETAIL_LENGTH - 1) + "\u2026";
    }
}
