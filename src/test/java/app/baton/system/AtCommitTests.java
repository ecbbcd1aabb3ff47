package app.baton.system;

import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AtCommitTests {

    private final List<List<String>> written = new ArrayList<>();
    private final TransactionTemplate outer = new TransactionTemplate(new NoDatabase());
    private final TransactionTemplate inner = new TransactionTemplate(new NoDatabase());

    AtCommitTests() {
        inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    private boolean collect(String... items) {
        return AtCommit.collect(this, List.of(items), written::add);
    }

    @Test
    void aTransactionsItemsAreWrittenOnceTogetherJustBeforeItCommits() {
        outer.executeWithoutResult(status -> {
            assertThat(collect("a", "b")).isTrue();
            assertThat(collect("c")).isTrue();
            assertThat(written).as("nothing before the commit").isEmpty();
        });

        assertThat(written).containsExactly(List.of("a", "b", "c"));
    }

    @Test
    void anInnerRequiresNewTransactionKeepsItsOwnItems() {
        outer.executeWithoutResult(status -> {
            collect("outer");
            inner.executeWithoutResult(s -> collect("inner"));
            assertThat(written).containsExactly(List.of("inner"));
        });

        assertThat(written).containsExactly(List.of("inner"), List.of("outer"));
    }

    @Test
    void aRollbackDropsTheItemsAndOutsideATransactionTheCallerWrites() {
        outer.executeWithoutResult(status -> {
            collect("lost");
            status.setRollbackOnly();
        });

        assertThat(written).isEmpty();
        assertThat(collect("now")).as("no transaction: the caller writes").isFalse();
    }

    @Test
    void anItemAddedWhileTheCommitIsUnderWayIsLeftToTheCaller() {
        List<Boolean> lateAnswers = new ArrayList<>();
        outer.executeWithoutResult(status -> {
            collect("first");
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    lateAnswers.add(collect("late"));
                }
            });
        });

        assertThat(written).containsExactly(List.of("first"));
        assertThat(lateAnswers).containsExactly(false);
    }

    /** A transaction manager without a resource: enough for Spring to run synchronizations as a real one does. */
    private static final class NoDatabase extends AbstractPlatformTransactionManager {

        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected boolean isExistingTransaction(Object transaction) {
            return TransactionSynchronizationManager.isActualTransactionActive();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
        }

        @Override
        protected Object doSuspend(Object transaction) {
            return transaction;
        }

        @Override
        protected void doResume(Object transaction, Object suspendedResources) {
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
        }
    }
}
