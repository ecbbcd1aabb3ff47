package app.baton.audit;

import app.baton.system.AtCommit;
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
 * An append stages its entries (without a place in the hash chain) and takes no lock, so a slow
 * transaction delays nobody else's audit; {@link AuditChainer} links committed entries into the
 * chain shortly after. Staged entries are already visible to search, export and reports from the
 * moment their transaction commits.
 *
 * <p>Inside a transaction, the entries are collected and written just before it commits, all in one
 * statement, in the order they were recorded (a discharge intake audits its intake, plan and
 * decisions: one insert instead of four). An entry recorded after that (by another step of the
 * commit) is written at once, still in the transaction ({@link AtCommit}).
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

    /** Stages the entries in order; returns them as they will be stored (staged: sequence number 0, no hashes). */
    public List<AuditEvent> recordAll(List<AuditEntry> entries) {
        if (entries.isEmpty()) {
            return List.of();
        }
        // The caller is resolved on this thread: a request's actor and address are not on the writer's.
        List<AuditEntry> attributed = entries.stream()
                .map(e -> e.caller() != null ? e : e.by(callers.current(e.patientId())))
                .toList();
        List<AuditEvent> staged = stage(attributed);
        if (!AtCommit.collect(this, staged, events::insertAll)) {
            tx.executeWithoutResult(status -> events.insertAll(staged));
        }
        return staged;
    }

    private List<AuditEvent> stage(List<AuditEntry> entries) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<AuditEvent> staged = new ArrayList<>(entries.size());
        for (AuditEntry entry : entries) {
            staged.add(stage(entry, now));
        }
        return staged;
    }

    private static AuditEvent stage(AuditEntry entry, Instant now) {
        Caller caller = entry.caller();
        return new AuditEvent(UUID.randomUUID(), 0, now, caller.actor().name(),
                caller.actor().type().name(), entry.patientId(), entry.action().name(), entry.category().name(),
                entry.objectType(), entry.objectId(), entry.outcome().name(), caller.sourceAddress(),
                caller.correlationId(), entry.emergency() || caller.emergency(), entry.details(), null, null);
    }
}
