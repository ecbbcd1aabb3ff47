package app.baton.notification;

import app.baton.notification.NotificationTasks.DeliveryDrive;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;

/**
 * One try of one delivery, run by db-scheduler's webhook-delivery task. The POST is made outside any
 * transaction; the try's record, the delivery's new state and (when it dead-letters) its event commit
 * together afterwards. A try that should be repeated throws {@link RetryLater}, and db-scheduler's
 * failure handler ({@link RetryBackoff}) schedules the next one. Delivery is at least once: if Baton
 * stops between the answer and the commit, the try is made again, with the same event id.
 */
@Component
class WebhookDelivery {

    private static final Logger log = LoggerFactory.getLogger(WebhookDelivery.class);

    private final WebhookDeliveries deliveries;
    private final WebhookAttempts attempts;
    private final WebhookEndpoints endpoints;
    private final OutboxMessages outbox;
    private final WebhookSender sender;
    private final WebhookProperties settings;
    private final NotificationMetrics metrics;
    private final ApplicationEventPublisher events;
    private final ObjectMapper json;
    private final Clock clock;
    private final TransactionTemplate tx;

    WebhookDelivery(WebhookDeliveries deliveries, WebhookAttempts attempts, WebhookEndpoints endpoints, OutboxMessages outbox,
                    WebhookSender sender, WebhookProperties settings, NotificationMetrics metrics,
                    ApplicationEventPublisher events, ObjectMapper json, Clock clock, PlatformTransactionManager transactions) {
        this.deliveries = deliveries;
        this.attempts = attempts;
        this.endpoints = endpoints;
        this.outbox = outbox;
        this.sender = sender;
        this.settings = settings;
        this.metrics = metrics;
        this.events = events;
        this.json = json;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    void attempt(DeliveryDrive drive) {
        Delivery delivery = deliveries.find(drive.deliveryId()).orElse(null);
        if (delivery == null || delivery.status() != Delivery.Status.PENDING || delivery.drive() != drive.drive()) {
            return;
        }
        WebhookEndpoint endpoint = endpoints.find(delivery.endpointId()).orElseThrow();
        if (!endpoint.enabled()) {
            deliveries.cancel(delivery.id(), delivery.drive());
            return;
        }
        OutboxMessage message = outbox.find(delivery.messageId()).orElseThrow();
        int attempt = delivery.attempts() + 1;
        Instant at = clock.instant();
        WebhookSender.Result result = sender.send(endpoint.url(), endpoint.secret(), message.id(), message.kind(),
                delivery.id(), attempt, body(message));
        Delivery.Status status = result.delivered() ? Delivery.Status.DELIVERED
                : result.permanent() || attempt >= settings.maxAttempts() ? Delivery.Status.DEAD : Delivery.Status.PENDING;
        boolean recorded = Boolean.TRUE.equals(tx.execute(s -> record(delivery, attempt, at, result, status)));
        if (!recorded) {
            return;
        }
        String outcome = outcome(status);
        metrics.attempted(outcome);
        if (status == Delivery.Status.PENDING) {
            throw new RetryLater(delivery, attempt, result);
        }
        if (status == Delivery.Status.DEAD) {
            log.warn("webhook delivery {} of event {} dead-lettered after {} tries: {}", delivery.id(), message.id(), attempt,
                    describe(result));
        }
    }

    private boolean record(Delivery delivery, int attempt, Instant at, WebhookSender.Result result, Delivery.Status status) {
        if (!deliveries.afterAttempt(delivery.id(), delivery.drive(), attempt, status, result.statusCode(), result.error(), at)) {
            return false;
        }
        attempts.insert(new WebhookAttempts.Attempt(delivery.id(), delivery.drive(), attempt, at, result.statusCode(),
                result.error(), result.durationMs(), outcome(status)));
        if (status == Delivery.Status.DEAD) {
            events.publishEvent(new WebhookDeadLettered(delivery.id(), delivery.messageId(), delivery.endpointId(),
                    delivery.kind(), delivery.drive(), attempt, result.statusCode(), result.error()));
        }
        return true;
    }

    private static String outcome(Delivery.Status status) {
        return switch (status) {
            case DELIVERED -> "DELIVERED";
            case DEAD -> "DEAD";
            default -> "RETRY";
        };
    }

    static String describe(WebhookSender.Result result) {
        return result.statusCode() != null ? "HTTP " + result.statusCode() : result.error();
    }

    private byte[] body(OutboxMessage message) {
        try {
            return json.writeValueAsBytes(WebhookPayload.of(message));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a webhook payload is ids and codes", e);
        }
    }

    /** This try failed in a way that another may not; db-scheduler schedules the next with backoff. */
    static final class RetryLater extends RuntimeException {

        RetryLater(Delivery delivery, int attempt, WebhookSender.Result result) {
            super("webhook delivery " + delivery.id() + " try " + attempt + " failed (" + describe(result) + "); will retry",
                    null, false, false);
        }
    }
}
