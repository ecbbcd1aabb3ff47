package app.baton.task;

import java.util.UUID;

/** A task was given to a person within its queue, or given back to the queue ({@code ownerUser} null). */
public record TaskAssigned(UUID taskId, UUID planId, String patientId, String queue, String ownerUser, int version) {
}
