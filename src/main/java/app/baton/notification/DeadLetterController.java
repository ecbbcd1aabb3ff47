package app.baton.notification;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Webhook deliveries (ADMIN): dead letters, re-driving one, and the delivery history of an event. */
@RestController
@RequestMapping(path = "/api/v1/webhooks", produces = "application/json")
@Tag(name = "Webhooks")
class DeadLetterController {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record DeliveryView(UUID id, UUID eventId, UUID endpointId, String kind, Delivery.Status status, int attempts, int drive,
                        Integer lastStatusCode, String lastError, Instant createdAt, Instant deliveredAt, Instant deadAt,
                        List<WebhookAttempts.Attempt> history) {

        static DeliveryView of(Delivery d, List<WebhookAttempts.Attempt> history) {
            return new DeliveryView(d.id(), d.messageId(), d.endpointId(), d.kind(), d.status(), d.attempts(), d.drive(),
                    d.lastStatusCode(), d.lastError(), d.createdAt(), d.deliveredAt(), d.deadAt(), history);
        }
    }

    record DeadLetterPage(List<DeliveryView> items, int page, int size, long total) {
    }

    record EventDeliveries(UUID eventId, List<DeliveryView> deliveries) {
    }

    private final WebhookDeliveries deliveries;
    private final WebhookAttempts attempts;
    private final WebhookAdministration administration;

    DeadLetterController(WebhookDeliveries deliveries, WebhookAttempts attempts, WebhookAdministration administration) {
        this.deliveries = deliveries;
        this.attempts = attempts;
        this.administration = administration;
    }

    @GetMapping("/dead-letters")
    @Operation(summary = "Dead letters", description = "Deliveries that gave up, newest first; page from 0, size up to 100.")
    DeadLetterPage deadLetters(@RequestParam(required = false) String page, @RequestParam(required = false) String size) {
        Paging paging = Paging.of(page, size);
        List<DeliveryView> items = deliveries.deadLetters(paging).stream().map(d -> DeliveryView.of(d, null)).toList();
        return new DeadLetterPage(items, paging.page(), paging.size(), deliveries.count(Delivery.Status.DEAD));
    }

    @PostMapping("/dead-letters/{id}/redrive")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Send a dead letter again", description = "A new drive with a fresh count of tries; audited.")
    DeliveryView redrive(@PathVariable String id) {
        return DeliveryView.of(administration.redrive(Paging.id("id", id)), null);
    }

    @GetMapping("/events/{eventId}/deliveries")
    @Operation(summary = "Delivery history of an event", description = "Every endpoint's delivery of one event "
            + "(X-Baton-Event-Id), with each try: status code or error, duration, what followed.")
    EventDeliveries history(@PathVariable String eventId) {
        UUID id = Paging.id("eventId", eventId);
        List<Delivery> all = deliveries.ofMessage(id);
        Map<UUID, List<WebhookAttempts.Attempt>> tries = attempts.of(all.stream().map(Delivery::id).toList()).stream()
                .collect(Collectors.groupingBy(WebhookAttempts.Attempt::deliveryId));
        return new EventDeliveries(id, all.stream().map(d -> DeliveryView.of(d, tries.getOrDefault(d.id(), List.of()))).toList());
    }
}
