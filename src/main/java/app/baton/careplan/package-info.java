/**
 * The care plan and its tasks: plans built from their program's template, tasks with one owner at a time, enforced
 * transitions, waiting tasks released when their prerequisite settles, the activity log, the closure checklist, plan
 * locks and reopening. Every task is decided through the decision module ({@code TaskDecider} asks
 * {@code decision.TaskDecisions}), recorded in the transaction that stores it, and the task points at that decision.
 *
 * <p>Its API: {@code CarePlanDesk} (a plan's reads and changes, access-checked and audited), the views, the task and
 * plan stores other tracker modules build on ({@code Tasks}, {@code Plans}, {@code TaskDecider}, {@code PlanLocks},
 * {@code TrackerAccess}), {@code HeldIntakes} (what the intake module supplies), and past-tense events published in
 * the transaction of each change (ids and codes only, never patient data). Owns the tables {@code care_plan},
 * {@code task} and {@code task_activity}.
 */
package app.baton.careplan;
