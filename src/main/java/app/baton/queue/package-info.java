/**
 * Work lists: a role queue's open tasks earliest due first, the caller's roles' and own tasks, and a search across
 * queues, each only at the caller's locations and only for queues the caller's roles read, shaped for the caller
 * (minimum necessary) and audited once per page shown. Read-only over the care plan's tasks, through its
 * {@code OpenTaskPages} and {@code TaskQueries}.
 *
 * <p>Its API is {@code Worklists} with {@code QueuePage} and {@code TaskSearch}, and the events {@code TaskListRead}
 * and {@code TaskListRefused}.
 *
 * <p>Owns tables: none
 */
package app.baton.queue;
