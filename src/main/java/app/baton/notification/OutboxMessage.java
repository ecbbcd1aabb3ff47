package app.baton.notification;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One row of {@code notification_outbox}: a notice as stored, with its event id. */
record OutboxMessage(UUID id, String kind, String queue, String role, String username, String location, String planId, String taskId,
                     Map<String, String> codes, Instant occurredAt, Instant dispatchedAt) {
}
