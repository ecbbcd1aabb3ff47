package app.baton.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;

/**
 * Links staged audit entries into the hash chain, on a schedule ({@code baton.audit.chain-interval},
 * 500 ms by default). Each batch runs in a short transaction of its own under the chain lock, which
 * only chainers take (one at a time across instances): it reads the head, then the committed staged
 * entries in staging order, gives each the next sequence number and the previous entry's hash, and
 * stores them. An entry whose transaction is still open is invisible to the chainer and is linked by
 * a later run, after entries that committed before it: the chain records the order in which the
 * chainer found entries committed, and an entry's sequence number is that place.
 */
@Component
class AuditChainer {

    static final int BATCH = 1000;
    private static final Logger log = LoggerFactory.getLogger(AuditChainer.class);

    private final AuditEvents events;
    private final TransactionTemplate tx;

    AuditChainer(AuditEvents events, PlatformTransactionManager transactions) {
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.tx.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
    }

    @Scheduled(fixedDelayString = "${baton.audit.chain-interval:500ms}",
            initialDelayString = "${baton.audit.chain-initial-delay:1s}")
    void chainOnSchedule() {
        try {
            chainStaged();
        } catch (RuntimeException e) {
            // Nothing is lost: the entries stay staged and the next run links them.
            log.error("linking staged audit entries failed; they stay staged for the next run", e);
        }
    }

    /** Links every staged entry committed before the call; returns how many were linked. */
    int chainStaged() {
        int total = 0;
        int linked;
        do {
            linked = tx.execute(status -> chainBatch());
            total += linked;
        } while (linked == BATCH);
        return total;
    }

    private int chainBatch() {
        events.lockForChaining();
        // Read after the lock, in a new statement: READ COMMITTED sees the previous chainer's commit.
        AuditEvents.Head head = events.head().orElse(AuditEvents.Head.EMPTY);
        List<AuditEvent> staged = events.staged(BATCH);
        if (staged.isEmpty()) {
            return 0;
        }
        List<AuditEvent> linked = linkedAfter(head, staged);
        events.link(linked);
        return linked.size();
    }

    /** The staged entries given their places after {@code head}, each hashing its predecessor, in the order given. */
    static List<AuditEvent> linkedAfter(AuditEvents.Head head, List<AuditEvent> staged) {
        List<AuditEvent> linked = new ArrayList<>(staged.size());
        long sequence = head.sequenceNumber();
        String previous = head.hash();
        for (AuditEvent entry : staged) {
            AuditEvent event = entry.linked(++sequence, previous);
            linked.add(event);
            previous = event.hash();
        }
        return linked;
    }
}
