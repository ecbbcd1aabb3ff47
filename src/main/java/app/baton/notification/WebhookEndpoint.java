package app.baton.notification;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** One row of {@code webhook_endpoint}; {@link #ALL_KINDS} in {@code kinds} subscribes to every kind. */
record WebhookEndpoint(UUID id, String url, Set<String> kinds, String secret, String createdBy, Instant createdAt,
                       Instant disabledAt, String disabledBy) {

    static final String ALL_KINDS = "*";

    boolean enabled() {
        return disabledAt == null;
    }
}
