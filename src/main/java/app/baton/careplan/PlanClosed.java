package app.baton.careplan;

import java.util.UUID;

/** A care plan met its closure checklist and was closed; it is locked until reopened. */
public record PlanClosed(UUID planId, String patientId, String program, int ruleSetVersion) {
}
