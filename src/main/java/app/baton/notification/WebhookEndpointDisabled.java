package app.baton.notification;

import java.util.UUID;

/** A webhook endpoint was disabled; published in the transaction that disables it. */
public record WebhookEndpointDisabled(UUID endpointId) {
}
