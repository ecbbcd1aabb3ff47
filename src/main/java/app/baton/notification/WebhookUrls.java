package app.baton.notification;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which receiver URLs are accepted: absolute https URLs with a host, no user info and no fragment,
 * whose host is a public address or a name that resolves only to public addresses
 * ({@link ReceiverAddresses}); receivers on the loopback address only where allowed (tests, demo),
 * and there plain http too. An IPv4 address must be written as four decimal numbers: the other forms
 * a resolver accepts (2130706433, 0x7f.1, 0177.0.0.1) are refused rather than interpreted. A name
 * that does not resolve now is accepted: every delivery resolves it again and checks what it finds.
 */
final class WebhookUrls {

    /** A host whose last label is a number (no top-level domain is) is an IPv4 address in some notation. */
    private static final Pattern NUMERIC_LAST_LABEL = Pattern.compile("(?i).*(^|\\.)(\\d+|0x[0-9a-f]*)\\.?$");
    private static final Pattern DOTTED_QUAD = Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");

    /** Resolves a host name to its addresses, as the deliveries will. */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    static final Resolver SYSTEM = InetAddress::getAllByName;

    private WebhookUrls() {
    }

    /** Why the URL is refused, or empty when it is accepted. Never repeats the URL. */
    static Optional<String> problem(String url, boolean allowLoopback, Resolver resolver) {
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
        if (!scheme.equals("https") && !(scheme.equals("http") && allowLoopback)) {
            return Optional.of(allowLoopback ? "must be https (http only to localhost)" : "must be https");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (NUMERIC_LAST_LABEL.matcher(host).matches() && !DOTTED_QUAD.matcher(host).matches()) {
            return Optional.of("an IPv4 address must be four decimal numbers without leading zeros, e.g. 203.0.113.7");
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            return scheme.equals("https") ? Optional.empty() : Optional.of("must be https (http only to localhost)");
        }
        boolean loopback = addresses.length > 0;
        for (InetAddress address : addresses) {
            String refusal = ReceiverAddresses.refusal(address, allowLoopback);
            if (refusal != null) {
                return Optional.of("must reach a public address, not a " + refusal + " one");
            }
            loopback &= address.isLoopbackAddress();
        }
        if (scheme.equals("http") && !loopback) {
            return Optional.of("must be https (http only to localhost)");
        }
        return Optional.empty();
    }
}
