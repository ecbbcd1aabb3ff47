/**
 * Plumbing every module shares: problem details (RFC 9457) and their types, who acts ({@code Caller},
 * {@code AuditActor}), correlation ids, the database and the db-scheduler that runs the recurring tasks of every
 * module (its table is the library's).
 *
 * <p>Owns tables: scheduled_tasks
 */
package app.baton.system;
