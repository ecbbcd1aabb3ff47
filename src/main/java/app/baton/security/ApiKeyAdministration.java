package app.baton.security;

import app.baton.system.ApiException;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * API keys of other apps, as an administrator manages them (through the API or the console): created
 * with the key shown once (only its hash is stored), listed without it, revoked.
 */
@Service
public class ApiKeyAdministration {

    /** @param locations whose patients the app sees; absent: every location ("*") */
    public record NewApiKey(@NotBlank @Size(max = 100) @Pattern(regexp = "\\P{Cntrl}*", message = "must not contain control characters") String name,
                            @NotEmpty Set<@NotNull Role> roles,
                            Set<@NotBlank @Size(max = 64) String> locations,
                            @Future OffsetDateTime expiresAt) {
    }

    public record ApiKeyView(UUID id, String name, String prefix, Set<Role> roles, Set<String> locations, Instant createdAt,
                             String createdBy, Instant expiresAt, Instant revokedAt, Instant lastUsedAt) {

        static ApiKeyView of(ApiKeyRow row) {
            return new ApiKeyView(row.id(), row.name(), row.prefix(), new TreeSet<>(row.roles()), new TreeSet<>(row.locations()),
                    row.createdAt(), row.createdBy(), row.expiresAt(), row.revokedAt(), row.lastUsedAt());
        }
    }

    /** The only answer that ever holds the key itself. */
    public record CreatedApiKey(String key, ApiKeyView apiKey) {
    }

    private final ApiKeys keys;
    private final ApiKeyAuthenticator authenticator;
    private final Clock clock;

    ApiKeyAdministration(ApiKeys keys, ApiKeyAuthenticator authenticator, Clock clock) {
        this.keys = keys;
        this.authenticator = authenticator;
        this.clock = clock;
    }

    public CreatedApiKey create(NewApiKey request, Identity admin) {
        String key = ApiKeyTokens.generate();
        Set<String> locations = request.locations() == null || request.locations().isEmpty() ? Set.of(Identity.ALL_LOCATIONS) : request.locations();
        ApiKeyRow row = new ApiKeyRow(UUID.randomUUID(), request.name(), ApiKeyTokens.prefix(key), ApiKeyTokens.sha256(key),
                request.roles(), locations, null, admin.name(), request.expiresAt() == null ? null : request.expiresAt().toInstant(),
                null, null);
        keys.insert(row);
        return new CreatedApiKey(key, keys.findById(row.id()).map(ApiKeyView::of).orElseThrow());
    }

    public List<ApiKeyView> list() {
        return keys.findAll().stream().map(ApiKeyView::of).toList();
    }

    /** At once on this instance, within the key cache time on the others. */
    public void revoke(UUID id) {
        if (keys.findById(id).isEmpty()) {
            throw new ApiException(HttpStatus.NOT_FOUND, "api-key-not-found", "No such API key", "no API key has this id");
        }
        keys.revoke(id, clock.instant());
        authenticator.forget(id);
    }
}
