package app.baton.notification;

import java.util.UUID;

/** An administrator sent a dead letter again; published in the transaction that schedules the new drive. */
public record WebhookRedriven(UUID deliveryId, UUID eventId, UUID endpointId, int drive) {
}
