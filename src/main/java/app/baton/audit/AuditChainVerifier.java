package app.baton.audit;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;

/**
 * Recomputes the audit chain in sequence order and names the first entry that does not fit: a gap
 * in the sequence (an entry removed), a previous hash that is not the hash of the entry before (an
 * entry removed, inserted or re-hashed), or a hash that does not match the entry's content (an
 * entry changed). Walks the linked entries only and reports how many are still staged (written
 * and committed, waiting for {@link AuditChainer}). Streams the trail, so its length does not
 * matter to memory.
 */
@Service
public class AuditChainVerifier {

    private final AuditEvents events;
    private final Clock clock;
    private final TransactionTemplate readOnly;

    AuditChainVerifier(AuditEvents events, Clock clock, PlatformTransactionManager transactions) {
        this.events = events;
        this.clock = clock;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    public ChainVerification verify() {
        Walk walk = new Walk();
        long staged = readOnly.execute(status -> {
            events.forEachInOrder(walk::visit);
            return events.countStaged();
        });
        return new ChainVerification(walk.broken == null, walk.count, walk.count == 0 ? null : walk.lastSequence,
                walk.count == 0 ? null : walk.lastHash, walk.broken, staged, clock.instant());
    }

    private static final class Walk {

        private long count;
        private long lastSequence;
        private String lastHash = AuditHash.GENESIS;
        private ChainVerification.BrokenEntry broken;

        void visit(AuditEvent event) {
            count++;
            if (broken == null) {
                String reason = check(event);
                if (reason != null) {
                    broken = new ChainVerification.BrokenEntry(event.sequenceNumber(), event.id(), reason);
                }
            }
            lastSequence = event.sequenceNumber();
            lastHash = event.hash();
        }

        private String check(AuditEvent event) {
            long expected = lastSequence + 1;
            if (event.sequenceNumber() != expected) {
                return expected == event.sequenceNumber() - 1
                        ? "entry " + expected + " is missing"
                        : "entries " + expected + " to " + (event.sequenceNumber() - 1) + " are missing";
            }
            if (!event.previousHash().equals(lastHash)) {
                return "its previous hash is not the hash of entry " + lastSequence;
            }
            if (!AuditHash.of(event).equals(event.hash())) {
                return "its content does not match its hash";
            }
            return null;
        }
    }
}
