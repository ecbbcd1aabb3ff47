/**
 * Re-evaluation of open work under a new rule set version: the open tasks as they stand, decided again with a
 * candidate for the impact analysis ({@code TrackerOpenWork}, read through the review module's {@code OpenWork}), and
 * applied in the background (the request answers 202 with the run, whose progress is read at its own address) in pages
 * of a few hundred tasks, one transaction per page, resumable after a crash, each task evaluated once and each change
 * recorded as that decision, and audited.
 *
 * <p>It reads the open tasks through the care plan's {@code Tasks} and {@code TaskQueries}. Its API is the event
 * {@code TasksReEvaluated}.
 *
 * <p>Owns tables: re_evaluation_run
 */
package app.baton.reevaluation;
