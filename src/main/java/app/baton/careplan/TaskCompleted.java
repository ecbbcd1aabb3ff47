package app.baton.careplan;

import java.util.UUID;

/** A task was done. */
public record TaskCompleted(UUID taskId, UUID planId, String patientId, String program, String taskType, int ruleSetVersion) {
}
