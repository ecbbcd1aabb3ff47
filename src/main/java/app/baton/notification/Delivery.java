package app.baton.notification;

import java.time.Instant;
import java.util.UUID;

/**
 * One message to one endpoint, as stored in {@code webhook_delivery}, with the message's kind.
 * {@code attempts} counts the tries of the current drive; {@code drive} is 0 until a re-drive.
 */
record Delivery(UUID id, UUID messageId, UUID endpointId, String kind, Status status, int attempts, int drive,
                Integer lastStatusCode, String lastError, Instant createdAt, Instant deliveredAt, Instant deadAt) {

    enum Status { PENDING, DELIVERED, DEAD, CANCELLED }
}
