package app.baton.reevaluation;

/**
 * Open tasks were re-evaluated with the active rule set version: a preview (nothing changed) or
 * applied. Counts only.
 */
public record TasksReEvaluated(int ruleSetVersion, boolean applied, int openTasks, int dueChanged, int queueChanged) {
}
