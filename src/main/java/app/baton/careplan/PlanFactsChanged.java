package app.baton.careplan;

import java.util.UUID;

/** A care plan's facts changed (a visit scheduled, minutes counted, a field completed); its open tasks were decided again. */
public record PlanFactsChanged(UUID planId, String patientId, String program, int version) {
}
