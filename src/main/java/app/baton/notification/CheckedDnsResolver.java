package app.baton.notification;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Resolves a receiver's host at delivery time and keeps only the addresses a webhook may reach
 * ({@link ReceiverAddresses}). The HTTP client connects to exactly these addresses, so the check and
 * the connection see the same answer: a name that was public at registration and points inward now
 * (DNS rebinding) is refused, not reached.
 */
final class CheckedDnsResolver implements DnsResolver {

    /** The host resolves only to addresses Baton must not call. */
    static final class RefusedAddress extends UnknownHostException {

        RefusedAddress(String reason) {
            super("the receiver's address is " + reason);
        }
    }

    private final boolean allowLoopback;

    CheckedDnsResolver(boolean allowLoopback) {
        this.allowLoopback = allowLoopback;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] addresses = SystemDefaultDnsResolver.INSTANCE.resolve(host);
        for (InetAddress address : addresses) {
            // One refused address refuses the name: the client might connect to any of them.
            String refusal = ReceiverAddresses.refusal(address, allowLoopback);
            if (refusal != null) {
                throw new RefusedAddress(refusal);
            }
        }
        return addresses;
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
        return SystemDefaultDnsResolver.INSTANCE.resolveCanonicalHostname(host);
    }
}
