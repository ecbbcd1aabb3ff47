package app.baton.notification;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which receiver URLs are accepted: absolute https URLs with a host, no user info and no fragment;
 * plain http only to the loopback address and only where allowed (tests, demo), so that signed
 * deliveries never cross a network in clear text.
 */
final class WebhookUrls {

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private WebhookUrls() {
    }

    /** Why the URL is refused, or empty when it is accepted. */
    static Optional<String> problem(String url, boolean allowHttpLoopback) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null) {
            return Optional.of("an absolute URL with a host, e.g. https://receiver.example.org/baton");
        }
        if (uri.getUserInfo() != null || uri.getFragment() != null) {
            return Optional.of("must not carry user info or a fragment");
        }
        if (scheme.equals("https")) {
            return Optional.empty();
        }
        boolean loopback = LOOPBACK.contains(uri.getHost().toLowerCase(Locale.ROOT));
        if (scheme.equals("http") && loopback && allowHttpLoopback) {
            return Optional.empty();
        }
        return Optional.of(allowHttpLoopback ? "must be https (http only to localhost)" : "must be https");
    }
}
