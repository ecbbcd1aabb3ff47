package app.baton.notification;

import java.util.UUID;

/**
 * A delivery gave up: its last try was refused for good or it used up its tries. Published in the
 * transaction that marks it DEAD. {@code lastStatusCode} is null when the last try got no answer;
 * {@code lastError} is then a code (timeout, connection, io, invalid-url).
 */
public record WebhookDeadLettered(UUID deliveryId, UUID eventId, UUID endpointId, String kind, int drive, int attempts,
                                  Integer lastStatusCode, String lastError) {
}
