/**
 * The leadership dashboards: aggregate figures of the care-plan tracker's work (counts by stage and
 * status, overdue by queue, SLA attainment by program and month, time in stage) and the exception
 * report, with their CSV exports (audited).
 *
 * <p>It reads only its own projection of the tracker's work, never the tracker's tables: {@code dashboard_task}
 * (each task's codes and times), the journal {@code dashboard_stage_entry}, the reopened plans and three rollups
 * ({@code dashboard_count}, {@code dashboard_sla_month}, {@code dashboard_stage_stay}). {@link app.baton.dashboard.DashboardProjection}
 * keeps them from the tracker's events ({@code TaskChanged}, {@code PlanReopened}) in the transaction of each change;
 * {@link app.baton.dashboard.DashboardRebuild} builds them again from the tracker's {@code TaskSnapshots}. Numbers only:
 * no patient data leaves this module, and the exception report names tasks by id and codes.
 *
 * <p>Owns tables: dashboard_task, dashboard_stage_entry, dashboard_reopened_plan, dashboard_count, dashboard_sla_month, dashboard_stage_stay, dashboard_projection
 */
package app.baton.dashboard;
