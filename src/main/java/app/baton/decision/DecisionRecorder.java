package app.baton.decision;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Group commit for decision records. Request threads hand their rows to one writer thread,
 * which stores whatever has queued up in one transaction and then completes each row's future.
 * A caller answers 200 only after its row is committed: the durability of one commit per
 * decision without its cost under load. {@link DecisionsRecorded} is published inside that
 * transaction, so what its listeners write (the audit trail) commits with the decisions or not at all.
 */
@Component
class DecisionRecorder implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DecisionRecorder.class);

    private final Decisions decisions;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final int maxBatch;
    private final BlockingQueue<Pending> queue;
    private volatile boolean running;
    private Thread writer;

    DecisionRecorder(Decisions decisions, TransactionTemplate tx, ApplicationEventPublisher events,
                     @Value("${baton.decisions.record-batch-size:500}") int maxBatch,
                     @Value("${baton.decisions.record-queue-size:20000}") int queueSize) {
        this.decisions = decisions;
        this.tx = tx;
        this.events = events;
        this.maxBatch = maxBatch;
        this.queue = new ArrayBlockingQueue<>(queueSize);
    }

    /** Completes with true once stored, false when the idempotency key was already recorded. */
    CompletableFuture<Boolean> record(DecisionRow row) {
        Pending pending = new Pending(row, new CompletableFuture<>());
        if (!running || !queue.offer(pending)) {
            pending.done().completeExceptionally(new RecorderBusyException());
        }
        return pending.done();
    }

    private void writeLoop() {
        BatchLoop.serve(queue, maxBatch, () -> running, this::write);
    }

    private void write(List<Pending> batch) {
        try {
            boolean[] stored = tx.execute(status -> store(batch.stream().map(Pending::row).toList()));
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).done().complete(stored[i]);
            }
        } catch (RuntimeException e) {
            log.warn("could not record {} decisions: {}", batch.size(), e.getClass().getSimpleName());
            batch.forEach(p -> p.done().completeExceptionally(e));
        }
    }

    private boolean[] store(List<DecisionRow> rows) {
        // One statement for the whole batch: PostgreSQL plans and runs it once (and its statement trigger fires once),
        // where a statement batch ran it once per decision.
        Set<UUID> ids = decisions.insertAtOnce(rows);
        boolean[] stored = new boolean[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            stored[i] = ids.contains(rows.get(i).id());
        }
        List<DecisionsRecorded.Decision> recorded = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            if (stored[i]) {
                DecisionRow row = rows.get(i);
                recorded.add(new DecisionsRecorded.Decision(row.id(), row.patientId(), row.taskId(), row.caller()));
            }
        }
        if (!recorded.isEmpty()) {
            events.publishEvent(new DecisionsRecorded(recorded));
        }
        return stored;
    }

    @Override
    public void start() {
        running = true;
        writer = new Thread(this::writeLoop, "decision-recorder");
        writer.start();
    }

    @Override
    public void stop() {
        running = false;
        try {
            writer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts before and stops after the web server, so requests in flight still get recorded. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private record Pending(DecisionRow row, CompletableFuture<Boolean> done) {
    }

    /** How long a caller waits for its group commit before it is told the recorder is busy (503). */
    private static final long RECORD_TIMEOUT_SECONDS = 10;

    /**
     * Waits for a decision handed to {@link #record} to be committed: true when stored, false when its idempotency key
     * was stored first by another call; a full queue or a wait past the timeout is {@link RecorderBusyException}.
     * {@link ReplayLookups} waits for its batched lookups the same way.
     */
    static <T> T await(CompletableFuture<T> stored) {
        try {
            return stored.get(RECORD_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new RecorderBusyException();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RecorderBusyException();
        }
    }
}
