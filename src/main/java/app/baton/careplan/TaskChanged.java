package app.baton.careplan;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A task was stored: inserted or changed (status, queue, due date, priority, owner, or the rules' answer), in the
 * transaction that stored it, with the codes and times it now has. Every write of a task publishes it, so a
 * projection that listens (the dashboards) never misses a change that the other events do not name, such as a due
 * date moved by a re-decision. Codes and times only: no patient data.
 *
 * @param planId  null for the task that holds an incomplete intake
 * @param queue   null while no queue is decided
 * @param dueAt   null for a task without a due date
 * @param version the task's version after this change (0 when it was created)
 */
public record TaskChanged(UUID taskId, UUID planId, String location, String program, String taskType, String queue, String stage,
                          String status, String priority, OffsetDateTime dueAt, OffsetDateTime createdAt,
                          OffsetDateTime statusSince, int version) {

    static TaskChanged of(TaskRow t) {
        return new TaskChanged(t.id(), t.planId(), t.location(), t.program().name(), t.type().name(), t.queue(), t.stage().name(),
                t.status().name(), t.priority().name(), t.dueAt(), t.createdAt(), t.statusSince(), t.version());
    }
}
