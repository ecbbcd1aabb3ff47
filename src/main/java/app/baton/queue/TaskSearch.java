package app.baton.queue;

import app.baton.careplan.TaskView;

import app.baton.engine.model.TaskStatus;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

/**
 * A search of tasks across queues (the FHIR Task search): each criterion null when not given (an empty set of statuses matches nothing). {@code owner}
 * matches the queue a task is routed to or the person it is given to. {@code changedFrom}/{@code changedBefore} bound
 * the time of the task's last status change. Tasks come newest change first, {@code count} a page from {@code offset}.
 */
public record TaskSearch(String patient, Set<TaskStatus> statuses, String owner, OffsetDateTime changedFrom,
                         OffsetDateTime changedBefore, int count, int offset) {

    /** One page of tasks, as the caller may see them, and whether more follow. */
    public record Page(List<TaskView> tasks, boolean more) {
    }
}
