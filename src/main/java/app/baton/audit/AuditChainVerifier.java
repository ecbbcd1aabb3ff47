package app.baton.audit;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Recomputes the audit chain in sequence order and names the first entry that does not fit: a gap
 * in the sequence (an entry removed), a repeated sequence number, a previous hash that is not the hash
 * of the entry before (an entry removed, inserted or re-hashed), or a hash that does not match the entry's
 * content (an entry changed). Walks the linked entries only and reports how many are still staged (written
 * and committed, waiting for {@link AuditChainer}). Streams the trail, so its length does not matter to memory.
 * <p>
 * Two walks: {@link #verify()} from the first entry, and {@link #verifyFromCheckpoint()} from the newest
 * checkpoint (audit_checkpoint), which first checks that the checkpoint's entry still has the hash it had, then
 * walks only the entries after it. Either stores a new checkpoint at the head when it finds the chain intact.
 * <p>
 * Entries that retention exported and dropped with their month's partition (partition_export) are not in the
 * database: a gap is accepted only where every missing number lies at or below the highest exported one; an entry
 * right after an exported partition's last entry must name that entry's recorded hash as its previous hash; and a
 * full walk checks that the entries kept below that number plus the rows exported add up to it, so nothing else
 * is missing.
 */
@Service
public class AuditChainVerifier {

    private final AuditEvents events;
    private final AuditCheckpoints checkpoints;
    private final PartitionExports exports;
    private final Clock clock;
    private final TransactionTemplate readOnly;
    private final TransactionTemplate writing;

    AuditChainVerifier(AuditEvents events, AuditCheckpoints checkpoints, PartitionExports exports, Clock clock,
                       PlatformTransactionManager transactions) {
        this.events = events;
        this.checkpoints = checkpoints;
        this.exports = exports;
        this.clock = clock;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.writing = new TransactionTemplate(transactions);
    }

    /** Walks the whole chain that is kept, from its first entry. */
    public ChainVerification verify() {
        List<PartitionExports.Export> exported = exports.auditExports();
        Walk walk = new Walk(0, AuditHash.GENESIS, exported);
        long staged = readOnly.execute(status -> {
            events.forEachInOrder(walk::visit);
            return events.countStaged();
        });
        walk.finishFull();
        return finish(walk, null, staged, true);
    }

    /** Walks the entries after the newest checkpoint; the whole chain when there is none. */
    public ChainVerification verifyFromCheckpoint() {
        Optional<AuditCheckpoints.Checkpoint> newest = checkpoints.newest();
        if (newest.isEmpty()) {
            return verify();
        }
        AuditCheckpoints.Checkpoint checkpoint = newest.get();
        Walk walk = new Walk(checkpoint.sequenceNumber(), checkpoint.hash(), exports.auditExports());
        long staged = readOnly.execute(status -> {
            for (AuditEvent atCheckpoint : events.atSequence(checkpoint.sequenceNumber())) {
                if (!atCheckpoint.hash().equals(checkpoint.hash()) || !atCheckpoint.id().equals(checkpoint.entryId())) {
                    walk.broken = new ChainVerification.BrokenEntry(atCheckpoint.sequenceNumber(), atCheckpoint.id(),
                            "it is not the entry the checkpoint of " + checkpoint.verifiedAt() + " recorded");
                    return events.countStaged();
                }
            }
            events.forEachInOrderAfter(checkpoint.sequenceNumber(), walk::visit);
            return events.countStaged();
        });
        return finish(walk, checkpoint.sequenceNumber(), staged, false);
    }

    private ChainVerification finish(Walk walk, Long from, long staged, boolean full) {
        ChainVerification result = new ChainVerification(walk.broken == null, walk.count,
                walk.lastSequence == 0 ? null : walk.lastSequence, walk.lastSequence == 0 ? null : walk.lastHash,
                walk.broken, staged, from, clock.instant());
        if (result.intact() && walk.lastEntry != null && (full || walk.count > 0)) {
            writing.executeWithoutResult(status -> checkpoints.add(new AuditCheckpoints.Checkpoint(
                    walk.lastSequence, walk.lastEntry.id(), walk.lastHash, result.verifiedAt()), walk.count, full));
        }
        return result;
    }

    private static final class Walk {

        private long count;
        private long lastSequence;
        private String lastHash;
        private AuditEvent lastEntry;
        private ChainVerification.BrokenEntry broken;
        /** The highest sequence number that left the database with an exported partition (0: none). */
        private final long exportedUpTo;
        private final long exportedRows;
        /** An exported partition's last entry: its sequence number and hash. */
        private final Map<Long, String> exportedLast = new HashMap<>();
        private long keptUpToExported;

        Walk(long fromSequence, String fromHash, List<PartitionExports.Export> exported) {
            this.lastSequence = fromSequence;
            this.lastHash = fromHash;
            long upTo = 0;
            long rows = 0;
            for (PartitionExports.Export export : exported) {
                exportedLast.put(export.chain().lastSequence(), export.chain().lastHash());
                upTo = Math.max(upTo, export.chain().lastSequence());
                rows += export.rows();
            }
            this.exportedUpTo = upTo;
            this.exportedRows = rows;
        }

        void visit(AuditEvent event) {
            count++;
            if (broken == null) {
                String reason = check(event);
                if (reason != null) {
                    broken = new ChainVerification.BrokenEntry(event.sequenceNumber(), event.id(), reason);
                }
            }
            if (event.sequenceNumber() <= exportedUpTo) {
                keptUpToExported++;
            }
            lastSequence = event.sequenceNumber();
            lastHash = event.hash();
            lastEntry = event;
        }

        private String check(AuditEvent event) {
            long n = event.sequenceNumber();
            if (n <= lastSequence) {
                return "its sequence number " + n + " repeats or goes back (after entry " + lastSequence + ")";
            }
            long expected = lastSequence + 1;
            if (n != expected) {
                if (n - 1 > exportedUpTo) {
                    // Numbers up to the highest exported one may have left with an export; the ones after it are missing.
                    long firstMissing = Math.max(expected, exportedUpTo + 1);
                    return firstMissing == n - 1
                            ? "entry " + firstMissing + " is missing"
                            : "entries " + firstMissing + " to " + (n - 1) + " are missing";
                }
                // The entries before it left with an exported partition: its link is checked where the export recorded it.
                String exportedPrevious = exportedLast.get(n - 1);
                if (exportedPrevious != null && !event.previousHash().equals(exportedPrevious)) {
                    return "its previous hash is not the hash the export recorded for entry " + (n - 1);
                }
            } else if (!event.previousHash().equals(lastHash)) {
                return "its previous hash is not the hash of entry " + lastSequence;
            }
            if (!AuditHash.of(event).equals(event.hash())) {
                return "its content does not match its hash";
            }
            return null;
        }

        /** A full walk also accounts for every number up to the highest exported one: kept here, or exported. */
        void finishFull() {
            if (broken == null && exportedUpTo > 0 && keptUpToExported + exportedRows != exportedUpTo) {
                broken = new ChainVerification.BrokenEntry(exportedUpTo, null, "entries 1 to " + exportedUpTo + " number "
                        + exportedUpTo + " but " + keptUpToExported + " are kept and " + exportedRows + " were exported");
            }
        }
    }
}
