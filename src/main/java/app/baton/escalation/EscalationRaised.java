package app.baton.escalation;

import java.util.UUID;

/**
 * The sweep stored a new escalation step of an overdue task, in the transaction that stored it (a
 * step already stored by an earlier run or another instance is never raised again).
 *
 * @param planId    null for the task that holds an incomplete intake
 * @param recipient who is told, a recipient code of the escalation table ({@code CARE_COORDINATION_LEAD},
 *                  {@code PRACTICE_LEADERSHIP}, ...)
 * @param key       the step's stable key
 * @param location  the location of the task's patient (the notice's audience is narrowed to it), from the row the
 *                  sweep read: a page of steps asks nothing more of PostgreSQL
 */
public record EscalationRaised(UUID taskId, UUID planId, int level, String recipient, String key, String rule,
                               String program, String taskType, int ruleSetVersion, String location) {
}
