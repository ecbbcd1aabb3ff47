package app.baton.security;

import app.baton.system.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** API keys of other apps (ADMIN only): created with the key shown once, listed without it, revoked. */
@RestController
@RequestMapping(path = "/api/v1/api-keys", produces = "application/json")
@Tag(name = "Security")
class ApiKeyController {

    /** @param locations whose patients the app sees; absent: every location ("*") */
    record NewApiKey(@NotBlank @Size(max = 100) @Pattern(regexp = "\\P{Cntrl}*", message = "must not contain control characters") String name,
                     @NotEmpty Set<@NotNull Role> roles,
                     Set<@NotBlank @Size(max = 64) String> locations,
                     @Future OffsetDateTime expiresAt) {
    }

    record ApiKeyView(UUID id, String name, String prefix, Set<Role> roles, Set<String> locations, Instant createdAt,
                      String createdBy, Instant expiresAt, Instant revokedAt, Instant lastUsedAt) {

        static ApiKeyView of(ApiKeyRow row) {
            return new ApiKeyView(row.id(), row.name(), row.prefix(), new TreeSet<>(row.roles()), new TreeSet<>(row.locations()),
                    row.createdAt(), row.createdBy(), row.expiresAt(), row.revokedAt(), row.lastUsedAt());
        }
    }

    /** The only answer that ever holds the key itself. */
    record CreatedApiKey(String key, ApiKeyView apiKey) {
    }

    private final ApiKeys keys;
    private final ApiKeyAuthenticator authenticator;
    private final Clock clock;

    ApiKeyController(ApiKeys keys, ApiKeyAuthenticator authenticator, Clock clock) {
        this.keys = keys;
        this.authenticator = authenticator;
        this.clock = clock;
    }

    @PostMapping(consumes = "application/json")
    @Operation(summary = "Create an API key", description = "The answer holds the key; it is shown this once and stored only as a SHA-256 hash.")
    ResponseEntity<CreatedApiKey> create(@Valid @RequestBody NewApiKey request, @AuthenticationPrincipal Identity admin) {
        String key = ApiKeyTokens.generate();
        Set<String> locations = request.locations() == null || request.locations().isEmpty() ? Set.of(Identity.ALL_LOCATIONS) : request.locations();
        ApiKeyRow row = new ApiKeyRow(UUID.randomUUID(), request.name(), ApiKeyTokens.prefix(key), ApiKeyTokens.sha256(key),
                request.roles(), locations, null, admin.name(), request.expiresAt() == null ? null : request.expiresAt().toInstant(),
                null, null);
        keys.insert(row);
        ApiKeyView stored = keys.findById(row.id()).map(ApiKeyView::of).orElseThrow();
        return ResponseEntity.created(URI.create("/api/v1/api-keys/" + row.id())).body(new CreatedApiKey(key, stored));
    }

    @GetMapping
    @Operation(summary = "List API keys", description = "Without the keys: their prefix tells them apart.")
    List<ApiKeyView> list() {
        return keys.findAll().stream().map(ApiKeyView::of).toList();
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Revoke an API key", description = "At once on this instance, within the key cache time (30 s) on the others.")
    ResponseEntity<Void> revoke(@PathVariable UUID id) {
        if (keys.findById(id).isEmpty()) {
            throw new ApiException(HttpStatus.NOT_FOUND, "api-key-not-found", "No such API key", "no API key has this id");
        }
        keys.revoke(id, clock.instant());
        authenticator.forget(id);
        return ResponseEntity.noContent().build();
    }
}
