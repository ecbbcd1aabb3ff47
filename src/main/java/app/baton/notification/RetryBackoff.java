package app.baton.notification;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;

import java.time.Duration;
import java.time.Instant;
import java.util.function.DoubleSupplier;

/**
 * db-scheduler's failure handler for Baton's one-time tasks: the task runs again after an exponential
 * backoff (initial, doubled per consecutive failure, capped), with jitter so that the deliveries that
 * failed together at a receiver's outage do not all come back in the same second. The jittered wait
 * is between half and all of the backoff ("equal jitter"). It never gives up: whether a try was the
 * last is the task's own decision (a webhook delivery dead-letters itself), so nothing is dropped here.
 */
class RetryBackoff<T> implements FailureHandler<T> {

    private final Duration initial;
    private final Duration max;
    private final DoubleSupplier random;

    RetryBackoff(Duration initial, Duration max, DoubleSupplier random) {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < initial <= max");
        }
        this.initial = initial;
        this.max = max;
        this.random = random;
    }

    @Override
    public void onFailure(ExecutionComplete complete, ExecutionOperations<T> operations) {
        operations.reschedule(complete, nextTry(complete.getTimeDone(), complete.getExecution().consecutiveFailures));
    }

    /** When to try again after a failure that followed {@code previousFailures} others in a row. */
    Instant nextTry(Instant failedAt, int previousFailures) {
        return failedAt.plus(delay(previousFailures));
    }

    Duration delay(int previousFailures) {
        long cap = max.toMillis();
        long backoff = initial.toMillis();
        for (int i = 0; i < previousFailures && backoff < cap; i++) {
            backoff *= 2;
        }
        backoff = Math.min(backoff, cap);
        long half = backoff / 2;
        return Duration.ofMillis(half + Math.round((backoff - half) * random.getAsDouble()));
    }
}
