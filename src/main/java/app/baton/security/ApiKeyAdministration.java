package app.baton.security;

import app.baton.system.ApiException;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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

    /**
     * @param locations     whose patients the app sees; absent: every location ("*")
     * @param sourceSystems the intake source systems the app sends (its {@code sourceSystem}); each is then
     *                      reserved to the keys that name it ({@link SourceSystems}); absent: none
     */
    public record NewApiKey(@NotBlank @Size(max = 100) @Pattern(regexp = "\\P{Cntrl}*", message = "must not contain control characters") String name,
                            @NotEmpty Set<@NotNull Role> roles,
                            Set<@NotBlank @Size(max = 64) String> locations,
                            @Future OffsetDateTime expiresAt,
                            @Size(max = 20) Set<@NotNull @Pattern(regexp = SourceSystems.CODE, message = SourceSystems.CODE_RULE) String> sourceSystems) {
    }

    public record ApiKeyView(UUID id, String name, String prefix, Set<Role> roles, Set<String> locations, Set<String> sourceSystems,
                             Instant createdAt, String createdBy, Instant expiresAt, Instant revokedAt, Instant lastUsedAt) {

        static ApiKeyView of(ApiKeyRow row) {
            return new ApiKeyView(row.id(), row.name(), row.prefix(), new TreeSet<>(row.roles()), new TreeSet<>(row.locations()),
                    new TreeSet<>(row.sourceSystems()), row.createdAt(), row.createdBy(), row.expiresAt(), row.revokedAt(), row.lastUsedAt());
        }
    }

    /** The only answer that ever holds the key itself. */
    public record CreatedApiKey(String key, ApiKeyView apiKey) {
    }

    private final ApiKeys keys;
    private final ApiKeyAuthenticator authenticator;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ApiKeyAdministration(ApiKeys keys, ApiKeyAuthenticator authenticator, Clock clock, ApplicationEventPublisher events) {
        this.keys = keys;
        this.authenticator = authenticator;
        this.clock = clock;
        this.events = events;
    }

    /** Stores the key's hash and audits the creation ({@link ApiKeyChanged}) in one transaction. */
    @Transactional
    public CreatedApiKey create(NewApiKey request, Identity admin) {
        String key = ApiKeyTokens.generate();
        Set<String> locations = request.locations() == null || request.locations().isEmpty() ? Set.of(Identity.ALL_LOCATIONS) : request.locations();
        ApiKeyRow row = new ApiKeyRow(UUID.randomUUID(), request.name(), ApiKeyTokens.prefix(key), ApiKeyTokens.sha256(key),
                request.roles(), locations, request.sourceSystems() == null ? Set.of() : request.sourceSystems(), null, admin.name(), request.expiresAt() == null ? null : request.expiresAt().toInstant(),
                null, null);
        keys.insert(row);
        ApiKeyRow stored = keys.findById(row.id()).orElseThrow();
        events.publishEvent(changed(stored, ApiKeyChanged.Change.CREATED));
        return new CreatedApiKey(key, ApiKeyView.of(stored));
    }

    public List<ApiKeyView> list() {
        return keys.findAll().stream().map(ApiKeyView::of).toList();
    }

    /** At once on this instance, within the key cache time on the others; audited with the revocation. */
    @Transactional
    public void revoke(UUID id) {
        ApiKeyRow key = keys.findById(id).orElseThrow(() ->
                new ApiException(HttpStatus.NOT_FOUND, "api-key-not-found", "No such API key", "no API key has this id"));
        if (keys.revoke(id, clock.instant())) {
            events.publishEvent(changed(key, ApiKeyChanged.Change.REVOKED));
        }
        authenticator.forget(id);
    }

    private static ApiKeyChanged changed(ApiKeyRow key, ApiKeyChanged.Change change) {
        return new ApiKeyChanged(key.id(), key.name(), key.prefix(), change, key.roles(), key.locations(), key.sourceSystems(),
                key.expiresAt());
    }
}
