package app.baton.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param maxAttempts       tries per drive before a delivery becomes a dead letter
 * @param initialBackoff    wait before the second try; doubled after each failure, with jitter
 * @param maxBackoff        the longest wait between two tries
 * @param connectTimeout    to open the connection to a receiver
 * @param requestTimeout    for the whole answer; a receiver slower than this failed the try
 * @param allowHttpLoopback plain http to localhost, 127.0.0.1 or ::1 (tests, demo); otherwise https only
 */
@ConfigurationProperties("baton.webhooks")
record WebhookProperties(@DefaultValue("8") int maxAttempts, @DefaultValue("30s") Duration initialBackoff,
                         @DefaultValue("1h") Duration maxBackoff, @DefaultValue("5s") Duration connectTimeout,
                         @DefaultValue("10s") Duration requestTimeout, @DefaultValue("false") boolean allowHttpLoopback) {

    WebhookProperties {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("baton.webhooks.max-attempts must be at least 1");
        }
    }
}
