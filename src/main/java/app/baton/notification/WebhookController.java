package app.baton.notification;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** Webhook endpoints (ADMIN): register one (its secret is answered once), list them, disable one. */
@RestController
@RequestMapping(path = "/api/v1/webhooks", produces = "application/json")
@Tag(name = "Webhooks")
class WebhookController {

    record NewWebhook(@NotBlank @Size(max = 2048) String url,
                      @NotEmpty @Size(max = 32) Set<@NotNull @Pattern(regexp = "\\*|[A-Z][A-Z0-9_]{0,63}",
                              message = "an upper-case kind code such as HAND_OFF, or * for every kind") String> kinds) {
    }

    record WebhookView(UUID id, String url, Set<String> kinds, String createdBy, Instant createdAt, boolean enabled,
                       Instant disabledAt, String disabledBy) {

        static WebhookView of(WebhookEndpoint e) {
            return new WebhookView(e.id(), e.url(), new TreeSet<>(e.kinds()), e.createdBy(), e.createdAt(), e.enabled(),
                    e.disabledAt(), e.disabledBy());
        }
    }

    /** The answer to a registration: the only time the secret is shown. */
    record CreatedWebhook(UUID id, String url, Set<String> kinds, String secret, String createdBy, Instant createdAt) {
    }

    private final WebhookAdministration administration;
    private final WebhookEndpoints endpoints;

    WebhookController(WebhookAdministration administration, WebhookEndpoints endpoints) {
        this.administration = administration;
        this.endpoints = endpoints;
    }

    @PostMapping(consumes = "application/json")
    @Operation(summary = "Register a webhook endpoint", description = "https only (http to localhost where allowed). "
            + "The answer holds the signing secret, shown this once.")
    ResponseEntity<CreatedWebhook> create(@Valid @RequestBody NewWebhook webhook) {
        WebhookEndpoint e = administration.create(webhook.url(), webhook.kinds());
        return ResponseEntity.created(URI.create("/api/v1/webhooks/" + e.id()))
                .body(new CreatedWebhook(e.id(), e.url(), new TreeSet<>(e.kinds()), e.secret(), e.createdBy(), e.createdAt()));
    }

    @GetMapping
    @Operation(summary = "List webhook endpoints", description = "Without their secrets.")
    List<WebhookView> list() {
        return endpoints.findAll().stream().map(WebhookView::of).toList();
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Disable a webhook endpoint", description = "No new deliveries; pending ones are cancelled. "
            + "The endpoint stays listed, disabled, for its delivery history.")
    ResponseEntity<Void> disable(@PathVariable String id) {
        administration.disable(Paging.id("id", id));
        return ResponseEntity.noContent().build();
    }
}
