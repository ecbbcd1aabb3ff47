package app.baton.decision;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;

/**
 * The idempotency check before a decision is evaluated, for many requests in one statement. Request threads hand their
 * keys to a few reader threads; each reader takes whatever keys are waiting (up to a batch) and asks PostgreSQL for all
 * of them at once. Every request still learns, before anything is evaluated, whether its key has a stored answer (the
 * same answer the single lookup gave); under load, one round trip serves many requests instead of one each.
 * When the readers are not running (start-up, shut-down) or the queue is full, the caller looks its key up itself.
 */
@Component
class ReplayLookups implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReplayLookups.class);

    private final Decisions decisions;
    private final int maxBatch;
    private final int readers;
    private final BlockingQueue<Pending> queue;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    ReplayLookups(Decisions decisions,
                  @Value("${baton.decisions.lookup-batch-size:200}") int maxBatch,
                  @Value("${baton.decisions.lookup-readers:2}") int readers) {
        this.decisions = decisions;
        this.maxBatch = maxBatch;
        this.readers = readers;
        this.queue = new ArrayBlockingQueue<>(Math.max(maxBatch * readers * 4, 64));
    }

    /** The stored decision of a scoped idempotency key, if any. */
    Optional<Decisions.Stored> find(String scopedKey) {
        Pending pending = new Pending(scopedKey, new CompletableFuture<>());
        if (!running || !queue.offer(pending)) {
            return decisions.findByKey(scopedKey);
        }
        return DecisionRecorder.await(pending.found());
    }

    private void readLoop() {
        BatchLoop.serve(queue, maxBatch, () -> running, this::read);
    }

    private void read(List<Pending> batch) {
        try {
            Set<String> keys = new HashSet<>(batch.size() * 2);
            batch.forEach(p -> keys.add(p.key()));
            Map<String, Decisions.Stored> found = decisions.findByKeys(keys);
            batch.forEach(p -> p.found().complete(Optional.ofNullable(found.get(p.key()))));
        } catch (RuntimeException e) {
            log.warn("could not look up {} idempotency keys: {}", batch.size(), e.getClass().getSimpleName());
            batch.forEach(p -> p.found().completeExceptionally(e));
        }
    }

    @Override
    public void start() {
        running = true;
        for (int i = 1; i <= readers; i++) {
            Thread reader = new Thread(this::readLoop, "replay-lookup-" + i);
            reader.setDaemon(true);
            threads.add(reader);
            reader.start();
        }
    }

    @Override
    public void stop() {
        running = false;
        for (Thread reader : threads) {
            try {
                reader.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
    }

    /** Starts before and stops after the web server, like the recorder. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private record Pending(String key, CompletableFuture<Optional<Decisions.Stored>> found) {
    }
}
