package app.baton.notification;

import com.github.kagkarlsson.scheduler.Scheduler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A task scheduled for now inside a transaction is invisible to the scheduler until that transaction
 * commits, so db-scheduler's immediate execution, which looks at once, would miss it and the task
 * would wait for the next poll. This asks this instance's scheduler to look again after the commit.
 */
@Component
class DueNow {

    private final ObjectProvider<Scheduler> scheduler;

    DueNow(ObjectProvider<Scheduler> scheduler) {
        this.scheduler = scheduler;
    }

    void afterCommit() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            check();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                check();
            }
        });
    }

    private void check() {
        Scheduler instance = scheduler.getIfAvailable();
        if (instance != null) {
            instance.triggerCheckForDueExecutions();
        }
    }
}
