package app.baton.engine.model;

/**
 * One task a plan template asks for: its type, the task type it waits for (null when it can start
 * at once) and the template row that asked for it.
 */
public record PlanStep(TaskType taskType, TaskType after, String rule) {
}
