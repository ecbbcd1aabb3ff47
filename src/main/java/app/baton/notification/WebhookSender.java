package app.baton.notification;

import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.util.UUID;

/**
 * Sends one signed POST and says what came of it. Redirects are not followed (a receiver that moved
 * is reconfigured by an administrator, never followed blindly), and the answer's body is discarded.
 */
@Component
class WebhookSender {

    /** What one try gave: a status code, or an error code when there was no answer. */
    record Result(Integer statusCode, String error, int durationMs) {

        boolean delivered() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }

        /** A 4xx other than 408 and 429, a redirect or an unusable URL will not get better by trying again. */
        boolean permanent() {
            if (statusCode == null) {
                return "invalid-url".equals(error);
            }
            return statusCode < 500 && statusCode != 408 && statusCode != 429 && !delivered();
        }
    }

    private final WebhookProperties settings;
    private final Clock clock;
    private final HttpClient client;

    WebhookSender(WebhookProperties settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    Result send(String url, String secret, UUID eventId, String kind, UUID deliveryId, int attempt, byte[] body) {
        long started = System.nanoTime();
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(settings.requestTimeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Baton-Webhooks/1")
                    .header("X-Baton-Event-Id", eventId.toString())
                    .header("X-Baton-Event-Kind", kind)
                    .header("X-Baton-Delivery-Id", deliveryId.toString())
                    .header("X-Baton-Delivery-Attempt", String.valueOf(attempt))
                    .header(WebhookSignature.HEADER, WebhookSignature.header(secret, clock.instant().getEpochSecond(), body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return new Result(status, null, millisSince(started));
        } catch (IllegalArgumentException e) {
            return new Result(null, "invalid-url", millisSince(started));
        } catch (HttpTimeoutException e) {
            return new Result(null, "timeout", millisSince(started));
        } catch (ConnectException e) {
            return new Result(null, "connection", millisSince(started));
        } catch (IOException e) {
            return new Result(null, "io", millisSince(started));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(null, "interrupted", millisSince(started));
        }
    }

    private static int millisSince(long started) {
        return (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - started) / 1_000_000);
    }
}
