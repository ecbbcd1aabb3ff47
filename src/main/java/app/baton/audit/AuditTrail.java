package app.baton.audit;

import app.baton.system.Caller;
import app.baton.system.Callers;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Appends to the audit trail. In the caller's transaction when there is one, so that a business
 * write and its audit entries commit or fail together; in a transaction of its own otherwise.
 * Each append takes the chain lock once, reads the head, and links the whole batch in Java before
 * one JDBC batch insert. The appending transaction must be READ COMMITTED (PostgreSQL's default),
 * so that the head read after the lock sees the previous append; the unique sequence number turns
 * any mistake there into a failed append rather than a forked chain.
 */
@Service
public class AuditTrail {

    private final AuditEvents events;
    private final Callers callers;
    private final Clock clock;
    private final TransactionTemplate tx;

    AuditTrail(AuditEvents events, Callers callers, Clock clock, PlatformTransactionManager transactions) {
        this.events = events;
        this.callers = callers;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRED);
    }

    public AuditEvent record(AuditEntry entry) {
        return recordAll(List.of(entry)).get(0);
    }

    /** Appends the entries in order under one lock; returns them as stored. */
    public List<AuditEvent> recordAll(List<AuditEntry> entries) {
        if (entries.isEmpty()) {
            return List.of();
        }
        // The caller is resolved on this thread: a request's actor and address are not on the writer's.
        List<AuditEntry> attributed = entries.stream()
                .map(e -> e.caller() != null ? e : e.by(callers.current(e.patientId())))
                .toList();
        return tx.execute(status -> append(attributed));
    }

    private List<AuditEvent> append(List<AuditEntry> entries) {
        events.lockForAppend();
        AuditEvents.Head head = events.head().orElse(AuditEvents.Head.EMPTY);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<AuditEvent> linked = new ArrayList<>(entries.size());
        long sequence = head.sequenceNumber();
        String previous = head.hash();
        for (AuditEntry entry : entries) {
            AuditEvent event = link(entry, ++sequence, now, previous);
            linked.add(event);
            previous = event.hash();
        }
        events.insertAll(linked);
        return linked;
    }

    private static AuditEvent link(AuditEntry entry, long sequence, Instant now, String previous) {
        Caller caller = entry.caller();
        AuditEvent unhashed = new AuditEvent(UUID.randomUUID(), sequence, now, caller.actor().name(),
                caller.actor().type().name(), entry.patientId(), entry.action().name(), entry.category().name(),
                entry.objectType(), entry.objectId(), entry.outcome().name(), caller.sourceAddress(),
                caller.correlationId(), entry.emergency() || caller.emergency(), entry.details(), previous, null);
        return unhashed.withHash(AuditHash.of(unhashed));
    }
}
