package app.baton.notification;

import java.util.List;
import java.util.UUID;

/** A webhook endpoint was registered; published in the transaction that stores it. The URL stays out: it may hold a token. */
public record WebhookEndpointCreated(UUID endpointId, List<String> kinds) {
}
