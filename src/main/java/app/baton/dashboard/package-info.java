/**
 * The leadership dashboards: aggregate figures of the care-plan tracker's work (counts by stage and
 * status, overdue by queue, SLA attainment by program and month, time in stage) and the exception
 * report, with their CSV exports (audited).
 *
 * <p>It reads the tracker's tables ({@code task}, {@code care_plan}) directly, read-only, with one
 * PostgreSQL aggregate per figure, and owns {@code task_stage_history}, which a trigger on
 * {@code task} fills. A Java read API in the tracker would have had to carry the same SQL across the
 * boundary; docs/architecture.md says why the tables are read here instead. Numbers only: no patient
 * data leaves this module, and the exception report names tasks by id and codes.
 */
package app.baton.dashboard;
