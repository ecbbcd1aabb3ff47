/**
 * The care-plan tracker: intake of referrals and discharges, care plans built from their program's
 * template, tasks with one owner at a time, their activity log, role queues, closure and the
 * re-evaluation of open work under a new rule set version. The active rule set decides at every
 * step (routing, due date, missing information, next-best action, template, closure checklist).
 *
 * <p>Its API is the past-tense events published inside the transaction that makes each change
 * (ids and codes only, never patient data), for the audit trail and notifications to listen to.
 */
package app.baton.tracker;
