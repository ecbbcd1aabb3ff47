package app.baton.notification;

import app.baton.system.ApiException;
import app.baton.system.Problems;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Webhook administration as one in-process service, for the console: the same registration rules,
 * audit events and re-drive as the HTTP API ({@link WebhookAdministration} behind both).
 */
@Service
public class Webhooks {

    /** An endpoint as listed: never its secret. */
    public record Endpoint(UUID id, String url, Set<String> kinds, String createdBy, Instant createdAt, boolean enabled,
                           Instant disabledAt, String disabledBy) {
    }

    /** A new endpoint and its signing secret, which is shown this once. */
    public record Created(Endpoint endpoint, String secret) {
    }

    /** A delivery that gave up. */
    public record DeadLetter(UUID id, UUID eventId, UUID endpointId, String kind, int attempts, int drive, Integer lastStatusCode,
                             String lastError, Instant deadAt) {
    }

    public record DeadLetters(List<DeadLetter> items, int page, int size, long total) {
    }

    private final WebhookAdministration administration;
    private final WebhookEndpoints endpoints;
    private final WebhookDeliveries deliveries;
    private final Validator validator;

    Webhooks(WebhookAdministration administration, WebhookEndpoints endpoints, WebhookDeliveries deliveries, Validator validator) {
        this.administration = administration;
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.validator = validator;
    }

    public List<Endpoint> endpoints() {
        return endpoints.findAll().stream().map(Webhooks::endpoint).toList();
    }

    /** Registers an endpoint under the API's rules (https, kind codes); a refusal names the field. */
    public Created create(String url, Set<String> kinds) {
        WebhookController.NewWebhook request = new WebhookController.NewWebhook(url, kinds);
        Set<ConstraintViolation<WebhookController.NewWebhook>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            List<Problems.FieldError> errors = violations.stream()
                    .map(v -> new Problems.FieldError(v.getPropertyPath().toString().startsWith("kinds") ? "kinds" : v.getPropertyPath().toString(),
                            v.getMessage())).toList();
            throw new ApiException(HttpStatus.BAD_REQUEST, "invalid-request", "The request is not valid",
                    errors.size() + " field(s) are not valid", errors);
        }
        WebhookEndpoint e = administration.create(url, kinds);
        return new Created(endpoint(e), e.secret());
    }

    public void disable(String id) {
        administration.disable(Paging.id("id", id));
    }

    public DeadLetters deadLetters(String page, String size) {
        Paging paging = Paging.of(page, size);
        List<DeadLetter> items = deliveries.deadLetters(paging).stream().map(Webhooks::deadLetter).toList();
        return new DeadLetters(items, paging.page(), paging.size(), deliveries.count(Delivery.Status.DEAD));
    }

    /** Sends a dead letter again (a new drive, audited). */
    public void redrive(String id) {
        administration.redrive(Paging.id("id", id));
    }

    private static Endpoint endpoint(WebhookEndpoint e) {
        return new Endpoint(e.id(), e.url(), new TreeSet<>(e.kinds()), e.createdBy(), e.createdAt(), e.enabled(), e.disabledAt(),
                e.disabledBy());
    }

    private static DeadLetter deadLetter(Delivery d) {
        return new DeadLetter(d.id(), d.messageId(), d.endpointId(), d.kind(), d.attempts(), d.drive(), d.lastStatusCode(),
                d.lastError(), d.deadAt());
    }
}
