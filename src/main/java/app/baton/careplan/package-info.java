/**
 * The care plan and its tasks: plans built from their program's template, tasks with one owner at a time, enforced
 * transitions, waiting tasks released when their prerequisite settles, the activity log, the closure checklist, plan
 * locks and reopening. Every task is decided through the decision module ({@code TaskDecider} asks
 * {@code decision.TaskDecisions}), recorded in the transaction that stores it, and the task points at that decision.
 *
 * <p>Its API: {@code CarePlanDesk} (a plan's reads and changes, access-checked and audited), the views, the task and
 * plan stores other tracker modules build on ({@code Tasks}, {@code Plans}, {@code TaskDecider}, {@code PlanLocks},
 * {@code TrackerAccess}), {@code HeldIntakes} (what the intake module supplies), and past-tense events published in
 * the transaction of each change (ids and codes only, never patient data).
 *
 * <p>Other modules read the tasks only through its query API, never with SQL of their own: {@code OpenTaskPages}
 * (keyset pages of open tasks: queue pages and "my work" in working order, the escalation sweep's candidates with
 * their facts) and {@code TaskQueries} (the task search, a patient's open tasks for CDS Hooks, the count of open
 * tasks); {@code TaskSnapshots} for a projection that rebuilds itself. The facts of a held intake are read from the
 * intake module's {@code intake_facts} view.
 *
 * <p>Owns tables: care_plan, task, task_activity
 */
package app.baton.careplan;
