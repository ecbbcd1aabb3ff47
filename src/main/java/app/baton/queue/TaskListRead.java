package app.baton.queue;

import java.util.Map;

/**
 * A page of a work list was shown: one event per page, not per task. Names the list, never a patient.
 *
 * @param list    {@code queue}, {@code my-roles} or {@code my-own}
 * @param queue   the queue listed, or null for "my" lists
 * @param filters the filters asked for and the page's cursor ({@code first} for the first page)
 * @param tasks   how many tasks the page showed
 */
public record TaskListRead(String list, String queue, Map<String, String> filters, int tasks) {
}
