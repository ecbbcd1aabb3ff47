package app.baton.notification;

import app.baton.notification.NotificationTasks.DeliveryDrive;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Turns one committed notice into its in-app entries and one webhook delivery per subscribed endpoint,
 * each delivery with its task, all in one transaction that also marks the notice dispatched. Run
 * again (the instance died before db-scheduler removed the task), it finds the notice dispatched and
 * does nothing; the unique keys of both tables would stop a second entry anyway.
 */
@Component
class FanOut {

    private final OutboxMessages outbox;
    private final Recipients recipients;
    private final UserNotifications inApp;
    private final WebhookEndpoints endpoints;
    private final WebhookDeliveries deliveries;
    private final DueNow dueNow;
    private final Clock clock;
    private final TransactionTemplate tx;

    FanOut(OutboxMessages outbox, Recipients recipients, UserNotifications inApp, WebhookEndpoints endpoints,
           WebhookDeliveries deliveries, DueNow dueNow, Clock clock, PlatformTransactionManager transactions) {
        this.outbox = outbox;
        this.recipients = recipients;
        this.inApp = inApp;
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.dueNow = dueNow;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    void run(UUID messageId, SchedulerClient scheduler) {
        tx.executeWithoutResult(status -> outbox.claimUndispatched(messageId).ifPresent(message -> {
            Instant now = clock.instant();
            inApp.insertAll(message.id(), recipients.of(message));
            for (WebhookEndpoint endpoint : endpoints.subscribedTo(message.kind())) {
                deliveries.insert(message.id(), endpoint.id()).ifPresent(delivery -> scheduler.schedule(
                        new TaskInstance<Void>(NotificationTasks.DELIVERY, new DeliveryDrive(delivery, 0).instanceId()), now));
            }
            outbox.markDispatched(message.id(), now);
            dueNow.afterCommit();
        }));
    }
}
