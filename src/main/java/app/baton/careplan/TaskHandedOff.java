package app.baton.careplan;

import java.util.UUID;

/**
 * A task landed in a queue: on creation ({@code fromQueue} null) or because a status change,
 * an assignment or a re-evaluation routed it elsewhere. Published in the transaction that made it.
 *
 * @param planId    null for the task that holds an incomplete intake
 * @param ownerUser the person who owns it, if anyone does
 * @param location  the practice location of the task's patient (who may hear of it)
 */
public record TaskHandedOff(UUID taskId, UUID planId, String patientId, String fromQueue, String toQueue, String toRole,
                            String ownerUser, String program, String taskType, int ruleSetVersion, String location) {
}
