package app.baton.notification;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * The JSON body of a delivery: the notice's event id (the same on every try and for every endpoint,
 * so a receiver can drop repeats), its kind and time, and ids and codes only. The addressed person's
 * name stays in Baton; the queue and role are codes.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record WebhookPayload(UUID id, String kind, Instant occurredAt, String planId, String taskId, String queue, String role,
                      Map<String, String> codes) {

    static WebhookPayload of(OutboxMessage message) {
        return new WebhookPayload(message.id(), message.kind(), message.occurredAt(), message.planId(), message.taskId(),
                message.queue(), message.role(), message.codes());
    }
}
