package app.baton.notification;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Signs a delivery: {@code X-Baton-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256>} where the HMAC's
 * key is the endpoint's secret exactly as shown at creation (UTF-8) and its message is the timestamp,
 * a dot and the raw body. The timestamp lets a receiver refuse replays of old deliveries.
 */
final class WebhookSignature {

    static final String HEADER = "X-Baton-Signature";
    private static final String PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignature() {
    }

    /** A new secret: 256 random bits. */
    static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String header(String secret, long epochSecond, byte[] body) {
        return "t=" + epochSecond + ",v1=" + hmac(secret, epochSecond, body);
    }

    static String hmac(String secret, long epochSecond, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((epochSecond + ".").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
