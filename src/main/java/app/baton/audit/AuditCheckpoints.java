package app.baton.audit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/**
 * The audit_checkpoint table: where a verification found the chain intact (sequence number, entry id, hash, when).
 * Rows are only added; the newest (highest sequence number) is where the next verification from a checkpoint starts.
 */
@Repository
class AuditCheckpoints {

    private final JdbcClient jdbc;

    AuditCheckpoints(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Checkpoint> newest() {
        return jdbc.sql("""
                select sequence_number, entry_id, hash, verified_at from audit_checkpoint
                order by sequence_number desc, id desc
                limit 1
                """)
                .query((rs, row) -> new Checkpoint(rs.getLong("sequence_number"), rs.getObject("entry_id", UUID.class),
                        rs.getString("hash"), rs.getObject("verified_at", OffsetDateTime.class).toInstant()))
                .optional();
    }

    void add(Checkpoint checkpoint, long entries, boolean fullWalk) {
        jdbc.sql("""
                insert into audit_checkpoint (sequence_number, entry_id, hash, entries, full_walk, verified_at)
                values (:n, :entry, :hash, :entries, :full, :at)
                """)
                .param("n", checkpoint.sequenceNumber()).param("entry", checkpoint.entryId()).param("hash", checkpoint.hash())
                .param("entries", entries).param("full", fullWalk)
                .param("at", checkpoint.verifiedAt().atOffset(ZoneOffset.UTC))
                .update();
    }

    /** An entry up to which the chain was found intact, and when. */
    record Checkpoint(long sequenceNumber, UUID entryId, String hash, Instant verifiedAt) {
    }
}
