package app.baton.decision;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The loop of a thread that serves a queue in batches (the decision recorder's writer, the replay lookups' readers):
 * it waits for one item, takes whatever else is queued up to the batch size, and hands the batch over, until it is
 * told to stop and the queue is empty. The batch handed over is reused: a handler must not keep it.
 */
final class BatchLoop {

    private BatchLoop() {
    }

    static <T> void serve(BlockingQueue<T> queue, int maxBatch, BooleanSupplier running, Consumer<List<T>> handle) {
        List<T> batch = new ArrayList<>(maxBatch);
        while (running.getAsBoolean() || !queue.isEmpty()) {
            try {
                T first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                handle.accept(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }
}
