package app.baton.escalation;

import java.util.UUID;

/**
 * The sweep found an open task due soon and stored its one reminder, in the same transaction.
 *
 * @param queue     the task's queue, or null
 * @param ownerUser the person who owns it, if anyone does
 * @param key       the reminder's stable key (task and due date: a new due date is a new reminder)
 * @param location  the location of the task's patient, from the row the sweep read
 */
public record TaskReminded(UUID taskId, UUID planId, String queue, String ownerUser, String key, String program, String taskType,
                           String location) {
}
