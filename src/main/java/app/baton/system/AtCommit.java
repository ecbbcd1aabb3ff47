package app.baton.system;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Collects what a transaction writes many times (audit entries, notices) so that it is written once, in one statement,
 * just before the transaction commits. Each owner has one buffer per transaction, kept in that transaction's own
 * synchronizations: a transaction suspended for an inner REQUIRES_NEW one keeps its buffer apart from the inner one's,
 * and a rollback drops it.
 */
public final class AtCommit {

    private AtCommit() {
    }

    /**
     * Adds the items to this transaction's buffer of {@code owner}, written by {@code writer} just before the commit.
     * Returns false, having kept nothing, when there is no transaction or its buffer was already written (by an earlier
     * step of the same commit): the caller then writes the items itself, at once.
     */
    public static <T> boolean collect(Object owner, List<? extends T> items, Consumer<List<T>> writer) {
        if (!TransactionSynchronizationManager.isActualTransactionActive() || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return false;
        }
        Buffer<T> buffer = buffer(owner, writer);
        if (buffer.written) {
            return false;
        }
        buffer.items.addAll(items);
        return true;
    }

    @SuppressWarnings("unchecked")
    private static <T> Buffer<T> buffer(Object owner, Consumer<List<T>> writer) {
        return ofThisTransaction(Buffer.class, buffer -> buffer.owner == owner, () -> new Buffer<>(owner, writer));
    }

    /**
     * This transaction's synchronization of {@code type} that {@code mine} accepts, made by {@code fresh} and registered
     * on first use; for state that is more than a list (the dashboards' counters). Call only while synchronization is
     * active.
     */
    public static <S extends TransactionSynchronization> S ofThisTransaction(Class<S> type, Predicate<S> mine, Supplier<S> fresh) {
        for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
            if (type.isInstance(synchronization) && mine.test(type.cast(synchronization))) {
                return type.cast(synchronization);
            }
        }
        S created = fresh.get();
        TransactionSynchronizationManager.registerSynchronization(created);
        return created;
    }

    private static final class Buffer<T> implements TransactionSynchronization {

        private final Object owner;
        private final Consumer<List<T>> writer;
        private final List<T> items = new ArrayList<>();
        private boolean written;

        Buffer(Object owner, Consumer<List<T>> writer) {
            this.owner = owner;
            this.writer = writer;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            written = true;
            if (!items.isEmpty()) {
                writer.accept(List.copyOf(items));
            }
        }
    }
}
