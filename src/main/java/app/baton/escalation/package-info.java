/**
 * The escalation sweep and the notices people get: a recurring, cluster-wide db-scheduler task decides open tasks due
 * within its horizon again through the care plan's {@code TaskDecider}; an evaluation that adds an escalation step or
 * changes what a person sees is recorded as a decision, and each step is stored once under a stable key. Steps before
 * a deadline go out in business hours. Hand-offs, escalations, reminders and completions become notices through the
 * notification module, in the change's transaction.
 *
 * <p>It reads the open tasks it sweeps, a keyset page at a time, through the care plan's {@code OpenTaskPages}.
 * Its API is the events {@code EscalationRaised} and {@code TaskReminded}.
 *
 * <p>Owns tables: task_alert
 */
package app.baton.escalation;
