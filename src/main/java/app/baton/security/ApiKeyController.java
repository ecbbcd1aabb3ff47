package app.baton.security;

import app.baton.security.ApiKeyAdministration.ApiKeyView;
import app.baton.security.ApiKeyAdministration.CreatedApiKey;
import app.baton.security.ApiKeyAdministration.NewApiKey;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
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
import java.util.List;
import java.util.UUID;

/** API keys of other apps (ADMIN only): created with the key shown once, listed without it, revoked. */
@RestController
@RequestMapping(path = "/api/v1/api-keys", produces = "application/json")
@Tag(name = "Security")
class ApiKeyController {

    private final ApiKeyAdministration keys;

    ApiKeyController(ApiKeyAdministration keys) {
        this.keys = keys;
    }

    @PostMapping(consumes = "application/json")
    @Operation(summary = "Create an API key", description = "The answer holds the key; it is shown this once and stored only as a SHA-256 hash.")
    ResponseEntity<CreatedApiKey> create(@Valid @RequestBody NewApiKey request, @AuthenticationPrincipal Identity admin) {
        CreatedApiKey created = keys.create(request, admin);
        return ResponseEntity.created(URI.create("/api/v1/api-keys/" + created.apiKey().id())).body(created);
    }

    @GetMapping
    @Operation(summary = "List API keys", description = "Without the keys: their prefix tells them apart.")
    List<ApiKeyView> list() {
        return keys.list();
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Revoke an API key", description = "At once on this instance, within the key cache time (30 s) on the others.")
    ResponseEntity<Void> revoke(@PathVariable UUID id) {
        keys.revoke(id);
        return ResponseEntity.noContent().build();
    }
}
