package app.baton.audit;

import com.fasterxml.jackson.annotation.JsonFormat;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One entry of the audit trail as stored: the ASTM E2147 fields, its place in the chain
 * ({@code sequenceNumber}, {@code previousHash}) and its own SHA-256 {@code hash}. A staged entry,
 * written but not yet linked by the chainer, has sequence number 0 and no hashes.
 * Codes are kept as text so that entries written by a later version still read. {@code occurredAt} is
 * written in JSON exactly as the hash reads it (six fraction digits, UTC), so an export can be re-hashed.
 */
public record AuditEvent(UUID id, long sequenceNumber,
                         @JsonFormat(shape = JsonFormat.Shape.STRING, pattern = AuditHash.MICROS_PATTERN, timezone = "UTC") Instant occurredAt, String actor, String actorType,
                         String patientId, String action, String category, String objectType, String objectId,
                         String outcome, String sourceAddress, String correlationId, boolean emergency,
                         Map<String, String> details, String previousHash, String hash) {

    /** Not yet linked into the chain. */
    public boolean staged() {
        return hash == null;
    }

    /** This staged entry at its place in the chain, hashed. */
    AuditEvent linked(long sequenceNumber, String previousHash) {
        AuditEvent unhashed = new AuditEvent(id, sequenceNumber, occurredAt, actor, actorType, patientId, action, category,
                objectType, objectId, outcome, sourceAddress, correlationId, emergency, details, previousHash, null);
        return unhashed.withHash(AuditHash.of(unhashed));
    }

    AuditEvent withHash(String hash) {
        return new AuditEvent(id, sequenceNumber, occurredAt, actor, actorType, patientId, action, category, objectType,
                objectId, outcome, sourceAddress, correlationId, emergency, details, previousHash, hash);
    }
}
