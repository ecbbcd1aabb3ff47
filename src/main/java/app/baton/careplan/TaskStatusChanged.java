package app.baton.careplan;

import java.util.UUID;

/** A task moved from one status to another (by a person, an app, or because its prerequisite was settled). */
public record TaskStatusChanged(UUID taskId, UUID planId, String patientId, String program, String taskType,
                                String from, String to, int version) {
}
