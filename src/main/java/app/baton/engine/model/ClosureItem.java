package app.baton.engine.model;

/** One item of a program's closure checklist: a task of this type must be done; the reason and the row that says so. */
public record ClosureItem(TaskType taskType, String reason, String rule) {
}
