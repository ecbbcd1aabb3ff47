package app.baton.notification;

import app.baton.notification.NotificationTasks.DeliveryDrive;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Turns the committed notices of one fan-out task (one notice, or up to {@link Notifications#FAN_OUT_BATCH} published
 * together) into their in-app entries and one webhook delivery per subscribed endpoint, each delivery with its task,
 * all in one transaction that also marks the notices dispatched. The in-app entries of all the notices are one
 * statement; recipients and endpoints are read once per audience and kind. Run again (the instance died before
 * db-scheduler removed the task), it finds the notices dispatched and does nothing; the unique keys of both tables
 * would stop a second entry anyway.
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

    /** Fans out the notices of the task named {@code fanOutId}. */
    void run(UUID fanOutId, SchedulerClient scheduler) {
        tx.executeWithoutResult(status -> {
            List<OutboxMessage> messages = outbox.claimUndispatched(fanOutId);
            if (messages.isEmpty()) {
                return;
            }
            Instant now = clock.instant();
            Map<List<String>, Set<String>> audiences = new HashMap<>();
            Map<String, List<WebhookEndpoint>> subscribers = new HashMap<>();
            List<UUID> entryMessages = new ArrayList<>();
            List<String> entryUsers = new ArrayList<>();
            List<TaskInstance<?>> drives = new ArrayList<>();
            for (OutboxMessage message : messages) {
                Set<String> users = audiences.computeIfAbsent(
                        Arrays.asList(message.username(), message.role(), message.queue(), message.location()),
                        audience -> recipients.of(message));
                for (String user : users) {
                    entryMessages.add(message.id());
                    entryUsers.add(user);
                }
                for (WebhookEndpoint endpoint : subscribers.computeIfAbsent(message.kind(), endpoints::subscribedTo)) {
                    deliveries.insert(message.id(), endpoint.id()).ifPresent(delivery ->
                            drives.add(new TaskInstance<Void>(NotificationTasks.DELIVERY, new DeliveryDrive(delivery, 0).instanceId())));
                }
            }
            inApp.insertAll(entryMessages, entryUsers);
            if (!drives.isEmpty()) {
                scheduler.scheduleBatch(drives, now);
            }
            outbox.markDispatched(messages.stream().map(OutboxMessage::id).toList(), now);
            dueNow.afterCommit();
        });
    }
}
