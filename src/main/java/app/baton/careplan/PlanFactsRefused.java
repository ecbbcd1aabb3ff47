package app.baton.careplan;

import java.util.List;
import java.util.UUID;

/**
 * A change of a plan's facts was refused because the caller's roles may not read those fields (minimum
 * necessary, a 403 {@code field-not-allowed}). For the audit trail (outcome DENIED, by the refused caller):
 * names the plan, its patient and the refused field names, never the values sent.
 */
public record PlanFactsRefused(UUID planId, String patientId, List<String> fields) {
}
