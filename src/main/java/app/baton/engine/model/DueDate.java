package app.baton.engine.model;

import java.time.Duration;
import java.time.ZonedDateTime;

/**
 * The due date an SLA rule gave a task. Escalation rules match on it: {@link #getHoursOverdue()}
 * is the whole hours the open task is past due at the decision's as-of instant, or -1 when it is
 * not overdue, has no due date, or is closed.
 */
public final class DueDate {

    private final TaskCase task;
    private final ZonedDateTime dueAt;
    private final String basis;
    private final String rule;

    public DueDate(TaskCase task, ZonedDateTime dueAt, String basis, String rule) {
        this.task = task;
        this.dueAt = dueAt;
        this.basis = basis;
        this.rule = rule;
    }

    public TaskCase getTask() {
        return task;
    }

    public ZonedDateTime getDueAt() {
        return dueAt;
    }

    public String getBasis() {
        return basis;
    }

    public String getRule() {
        return rule;
    }

    public long getHoursOverdue() {
        if (dueAt == null || !task.isOpen() || !task.getAsOf().isAfter(dueAt)) {
            return -1;
        }
        return Duration.between(dueAt, task.getAsOf()).toHours();
    }
}
