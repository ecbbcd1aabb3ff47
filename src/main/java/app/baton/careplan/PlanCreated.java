package app.baton.careplan;

import java.util.List;
import java.util.UUID;

/** A care plan was built from its program's template, with these tasks. */
public record PlanCreated(UUID planId, UUID intakeId, String patientId, String program, int ruleSetVersion, List<UUID> taskIds) {
}
