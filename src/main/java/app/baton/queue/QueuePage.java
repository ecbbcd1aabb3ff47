package app.baton.queue;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A page of a queue: tasks in working order, and the cursor of the next page (null on the last). */
public record QueuePage(List<Item> tasks, String nextCursor, int limit) {

    /** A task in a list; {@code location} only for roles that see demographics. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(UUID id, UUID planId, UUID intakeId, String patientId, String location, String program, String taskType,
                String status, String stage, String priority, String queue, String role, String ownerUser, OffsetDateTime dueAt,
                boolean overdue, String nextAction, String prompt, int version) {
    }
}
