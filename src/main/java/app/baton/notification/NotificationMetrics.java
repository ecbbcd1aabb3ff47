package app.baton.notification;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Webhook and outbox metrics for Prometheus: tries by outcome (delivered, retried, dead-lettered),
 * re-drives, and three gauges read from PostgreSQL at each scrape, so every instance reports the
 * cluster's numbers: notices not yet fanned out, deliveries pending, dead letters.
 */
@Component
class NotificationMetrics {

    private final MeterRegistry registry;
    private final Map<String, Counter> attempts = new ConcurrentHashMap<>();
    private final Counter redrives;

    NotificationMetrics(MeterRegistry registry, OutboxMessages outbox, WebhookDeliveries deliveries) {
        this.registry = registry;
        this.redrives = Counter.builder("baton.webhooks.redrives").description("Dead letters sent again by an administrator")
                .register(registry);
        gauge("baton.notifications.outbox.backlog", "Notices committed but not yet fanned out", outbox::backlog);
        gauge("baton.webhooks.pending", "Webhook deliveries waiting for a try",
                () -> deliveries.count(Delivery.Status.PENDING));
        gauge("baton.webhooks.dead.letters", "Webhook deliveries that gave up and wait for a re-drive",
                () -> deliveries.count(Delivery.Status.DEAD));
    }

    /** One try ended: DELIVERED, RETRY or DEAD. */
    void attempted(String outcome) {
        String tag = switch (outcome) {
            case "DELIVERED" -> "delivered";
            case "DEAD" -> "dead_lettered";
            default -> "retried";
        };
        attempts.computeIfAbsent(tag, t -> Counter.builder("baton.webhooks.attempts")
                .description("Webhook tries, by what followed: delivered, retried or dead_lettered")
                .tag("outcome", t)
                .register(registry)).increment();
    }

    void redriven() {
        redrives.increment();
    }

    private void gauge(String name, String description, LongSupplier count) {
        Gauge.builder(name, count, NotificationMetrics::safely).description(description).register(registry);
    }

    /** A scrape while PostgreSQL is away reports "unknown", not an error. */
    private static double safely(LongSupplier count) {
        try {
            return count.getAsLong();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
