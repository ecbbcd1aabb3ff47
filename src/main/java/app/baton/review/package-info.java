/**
 * Reviewing a candidate rule set version: the cell-level diff against its base (with the CDS Hooks card figures of
 * each changed row) and the impact analysis, which replays recorded decisions against the candidate and evaluates
 * the open tasks as they stand through {@code OpenWork}, implemented by the module that owns the tasks.
 *
 * <p>Its API is {@code ImpactAnalysisService}, {@code OpenTaskImpact}, {@code OpenWork}, {@code RuleSetDiffer}, their
 * records and the impact analysis events.
 *
 * <p>Owns tables: impact_analysis
 */
package app.baton.review;
