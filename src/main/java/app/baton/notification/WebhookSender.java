package app.baton.notification;

import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.UUID;

/**
 * Sends one signed POST and says what came of it. The receiver's host is resolved and checked at each
 * try ({@link CheckedDnsResolver}) and the connection goes to the checked address. Redirects are not
 * followed (a receiver that moved is reconfigured by an administrator, never followed blindly), and the
 * answer's body is not read. A try without an answer is "no-answer" whatever the cause (refused, timed
 * out, reset, not HTTP), so the delivery history cannot be used to tell open ports from closed ones.
 */
@Component
class WebhookSender implements DisposableBean {

    /** What one try gave: a status code, or an error code when there was no answer. */
    record Result(Integer statusCode, String error, int durationMs) {

        static final String NO_ANSWER = "no-answer";
        static final String REFUSED_ADDRESS = "refused-address";
        static final String INVALID_URL = "invalid-url";

        boolean delivered() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }

        /** A 4xx other than 408 and 429, a redirect, an unusable URL or a refused address will not get better by trying again. */
        boolean permanent() {
            if (statusCode == null) {
                return INVALID_URL.equals(error) || REFUSED_ADDRESS.equals(error);
            }
            return statusCode < 500 && statusCode != 408 && statusCode != 429 && !delivered();
        }
    }

    /** Without a charset parameter: JSON is UTF-8 by definition (RFC 8259), and receivers compare the type as sent before. */
    private static final ContentType JSON = ContentType.create("application/json", (java.nio.charset.Charset) null);

    private final Clock clock;
    private final CloseableHttpClient client;

    WebhookSender(WebhookProperties settings, Clock clock) {
        this.clock = clock;
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new CheckedDnsResolver(settings.allowHttpLoopback()))
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                                .setSocketTimeout(Timeout.of(settings.requestTimeout()))
                                .build())
                        .setMaxConnTotal(50)
                        .setMaxConnPerRoute(10)
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(settings.requestTimeout())).build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .build();
    }

    Result send(String url, String secret, UUID eventId, String kind, UUID deliveryId, int attempt, byte[] body) {
        long started = System.nanoTime();
        HttpPost request;
        try {
            request = new HttpPost(URI.create(url));
        } catch (IllegalArgumentException e) {
            return new Result(null, Result.INVALID_URL, millisSince(started));
        }
        request.setHeader("User-Agent", "Baton-Webhooks/1");
        request.setHeader("X-Baton-Event-Id", eventId.toString());
        request.setHeader("X-Baton-Event-Kind", kind);
        request.setHeader("X-Baton-Delivery-Id", deliveryId.toString());
        request.setHeader("X-Baton-Delivery-Attempt", String.valueOf(attempt));
        request.setHeader(WebhookSignature.HEADER, WebhookSignature.header(secret, clock.instant().getEpochSecond(), body));
        request.setEntity(new ByteArrayEntity(body, JSON));
        // The answer's body is never read: closing the response without it drops the connection.
        try (ClassicHttpResponse response = client.executeOpen(null, request, null)) {
            return new Result(response.getCode(), null, millisSince(started));
        } catch (CheckedDnsResolver.RefusedAddress e) {
            return new Result(null, Result.REFUSED_ADDRESS, millisSince(started));
        } catch (IOException | RuntimeException e) {
            return new Result(null, Result.NO_ANSWER, millisSince(started));
        }
    }

    @Override
    public void destroy() throws IOException {
        client.close();
    }

    private static int millisSince(long started) {
        return (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - started) / 1_000_000);
    }
}
