package app.baton.notification;

import app.baton.HttpJson;
import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.transaction.support.TransactionTemplate;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Registering receivers through the API (as admin), publishing notices in a transaction, and checking signatures. */
final class WebhookFixtures {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    private final HttpJson admin;
    private final Notifications notifications;
    private final TransactionTemplate tx;
    private final List<String> registered = new ArrayList<>();

    WebhookFixtures(HttpJson http, Notifications notifications, TransactionTemplate tx) {
        this.admin = http.asUser("admin");
        this.notifications = notifications;
        this.tx = tx;
    }

    /** Registers the receiver for these kinds; returns the answer (id and secret). */
    JsonNode register(WebhookReceiver receiver, String... kinds) {
        HttpJson.Response created = admin.post("/api/v1/webhooks",
                "{\"url\": \"" + receiver.url() + "\", \"kinds\": [\"" + String.join("\", \"", kinds) + "\"]}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        registered.add(created.json().path("id").asText());
        return created.json();
    }

    /** Publishes in a transaction of its own that commits. */
    String publish(Notice notice) {
        return tx.execute(status -> notifications.publish(notice)).toString();
    }

    JsonNode history(String eventId) {
        HttpJson.Response history = admin.get("/api/v1/webhooks/events/" + eventId + "/deliveries");
        assertThat(history.status()).as(history.text()).isEqualTo(200);
        return history.json().path("deliveries");
    }

    HttpJson admin() {
        return admin;
    }

    /** Disables the receivers a test registered, so later tests' notices do not go to closed servers. */
    void disableAll() {
        registered.forEach(id -> admin.delete("/api/v1/webhooks/" + id));
        registered.clear();
    }

    /** Checks the signature as a receiver would (docs/webhooks.md), with the JDK only, not Baton's signing code. */
    static boolean signatureHolds(WebhookReceiver.Received request, String secret) {
        String[] parts = request.header("X-Baton-Signature").split(",");
        String timestamp = parts[0].substring("t=".length());
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] expected = mac.doFinal((timestamp + "." + request.body()).getBytes(StandardCharsets.UTF_8));
            return MessageDigest.isEqual(HexFormat.of().formatHex(expected).getBytes(StandardCharsets.US_ASCII),
                    parts[1].substring("v1=".length()).getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static Notice notice(String kind) {
        return Notice.of(kind, Audience.queue("NURSING"), "plan-" + UUID.randomUUID(), "task-1");
    }
}
