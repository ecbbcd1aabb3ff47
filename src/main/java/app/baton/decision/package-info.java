/**
 * The one way to the rules: the decision API ({@code POST /api/v1/decisions}, batches, replays by request id) and
 * {@code TaskDecisions}, the in-process path for every other part of Baton. Every decision is recorded with its rule
 * set version, the rows that fired ({@code file#Sheet!row}), minimized inputs and what asked for it, and read back
 * with object-level access, minimum necessary and an audited read.
 *
 * <p>Its API is {@code TaskDecisions}, {@code DecisionLookup}, {@code DecisionHistory}, {@code RecordedDecisions}
 * (replay for the impact analysis), {@code DecisionRequests}, {@code DecisionRetention} (what retention does to the
 * request keys), the request and response records and the events {@code DecisionsRecorded}, {@code DecisionRead} and
 * {@code DecisionReadDenied}. The month partitions of {@code decision} are created and dropped by the audit
 * module's partition maintenance, which owns no row of them.
 *
 * <p>Owns tables: decision, decision_request_key
 */
package app.baton.decision;
