package app.baton.audit;

import app.baton.notification.WebhookDeadLettered;
import app.baton.notification.WebhookEndpointCreated;
import app.baton.notification.WebhookEndpointDisabled;
import app.baton.notification.WebhookRedriven;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Audits webhooks: endpoints registered and disabled, deliveries that gave up (by the system, with
 * the event and endpoint) and dead letters sent again (by the administrator). Ids and codes only.
 */
@Component
class NotificationAuditing {

    private static final String DELIVERY = "webhook_delivery";
    private static final String ENDPOINT = "webhook_endpoint";

    private final AuditTrail trail;

    NotificationAuditing(AuditTrail trail) {
        this.trail = trail;
    }

    @EventListener
    void on(WebhookEndpointCreated created) {
        trail.record(AuditEntry.of(AuditAction.CREATE, AuditCategory.WEBHOOK, ENDPOINT, created.endpointId().toString())
                .withDetails(Map.of("kinds", String.join(",", created.kinds()))));
    }

    @EventListener
    void on(WebhookEndpointDisabled disabled) {
        trail.record(AuditEntry.of(AuditAction.DELETE, AuditCategory.WEBHOOK, ENDPOINT, disabled.endpointId().toString()));
    }

    @EventListener
    void on(WebhookDeadLettered dead) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("eventId", dead.eventId().toString());
        details.put("endpointId", dead.endpointId().toString());
        details.put("kind", dead.kind());
        details.put("drive", String.valueOf(dead.drive()));
        details.put("attempts", String.valueOf(dead.attempts()));
        details.put("lastResult", dead.lastStatusCode() != null ? "HTTP " + dead.lastStatusCode() : dead.lastError());
        trail.record(AuditEntry.of(AuditAction.WEBHOOK_DEAD_LETTERED, AuditCategory.WEBHOOK, DELIVERY, dead.deliveryId().toString())
                .withOutcome(AuditOutcome.FAILURE)
                .withDetails(details));
    }

    @EventListener
    void on(WebhookRedriven redriven) {
        trail.record(AuditEntry.of(AuditAction.WEBHOOK_REDRIVEN, AuditCategory.WEBHOOK, DELIVERY, redriven.deliveryId().toString())
                .withDetails(Map.of("eventId", redriven.eventId().toString(), "endpointId", redriven.endpointId().toString(),
                        "drive", String.valueOf(redriven.drive()))));
    }
}
