package app.baton.engine.model;

/**
 * One task a plan template asks for: its type, the task type it waits for (null when it can start
 * at once), whether it comes back each month (the plan template's "Repeats" column, {@code MONTHLY}: when the
 * month's task is closed, the next month's is made) and the template row that asked for it.
 */
public record PlanStep(TaskType taskType, TaskType after, String rule, boolean monthly) {

    public PlanStep(TaskType taskType, TaskType after, String rule) {
        this(taskType, after, rule, false);
    }
}
