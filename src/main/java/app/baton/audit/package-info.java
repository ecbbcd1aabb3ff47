/**
 * The audit trail (ASTM E2147): every audited action is staged in its caller's transaction and linked into a
 * SHA-256 hash chain by one chainer, so no request waits on a chain lock; search, the break-glass report, CSV
 * export and chain verification, each itself audited. Other modules do not call it: it listens to their past-tense
 * events. It also keeps the monthly partitions of {@code decision} and {@code audit_event} (creating months ahead,
 * exporting and dropping months past retention) as the schema's owner; for {@code decision} it leaves the
 * decision module's own rows to {@code decision.DecisionRetention}.
 *
 * <p>Its API is {@code AuditTrail} (append), {@code AuditReview} (read, for the API and the console) and their
 * records. {@code patient_location} is kept by database triggers on the tables that name a patient's location and is
 * read here only, to limit a location-scoped reviewer's search.
 *
 * <p>Owns tables: audit_event, audit_checkpoint, partition_export, patient_location
 */
package app.baton.audit;
