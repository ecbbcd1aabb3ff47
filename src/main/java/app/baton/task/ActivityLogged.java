package app.baton.task;

import java.util.UUID;

/**
 * An entry was added to a task's activity log. Codes only: the entry's free text is patient data
 * and stays in the log.
 *
 * @param outcome a call attempt's outcome, or null
 */
public record ActivityLogged(UUID taskId, UUID planId, String patientId, long activityId, String kind, String outcome) {
}
