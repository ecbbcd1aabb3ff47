package app.baton.notification;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

/**
 * Which addresses a webhook may reach: public unicast only, so that a receiver URL cannot make Baton
 * call into its own network (server-side request forgery). Refused: loopback (unless allowed, for
 * development and tests), private (10/8, 172.16/12, 192.168/16), shared/CGNAT (100.64/10, where some
 * clouds keep their metadata service), link-local (169.254/16 with the cloud metadata address,
 * fe80::/10), unique-local (fc00::/7), this-network, documentation, benchmarking, multicast and
 * reserved ranges, and the IPv6 forms that carry an IPv4 address (IPv4-mapped, IPv4-compatible, NAT64,
 * 6to4, Teredo) whenever the address they carry is refused.
 */
final class ReceiverAddresses {

    private record Block(byte[] network, int prefix, String why) {

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    private static final Block LOOPBACK_V4 = block("127.0.0.0", 8, "loopback");
    private static final Block LOOPBACK_V6 = block("::1", 128, "loopback");
    private static final List<Block> REFUSED = List.of(
            block("0.0.0.0", 8, "this network"),
            block("10.0.0.0", 8, "private"),
            block("100.64.0.0", 10, "shared (CGNAT)"),
            block("169.254.0.0", 16, "link-local (cloud metadata)"),
            block("172.16.0.0", 12, "private"),
            block("192.0.0.0", 24, "IETF protocol assignments"),
            block("192.0.2.0", 24, "documentation"),
            block("192.168.0.0", 16, "private"),
            block("198.18.0.0", 15, "benchmarking"),
            block("198.51.100.0", 24, "documentation"),
            block("203.0.113.0", 24, "documentation"),
            block("224.0.0.0", 4, "multicast"),
            block("240.0.0.0", 4, "reserved"),
            block("::", 96, "unspecified or IPv4-compatible"),
            block("100::", 64, "discard"),
            block("2001::", 32, "Teredo"),
            block("2001:db8::", 32, "documentation"),
            block("fc00::", 7, "unique-local"),
            block("fe80::", 10, "link-local"),
            block("fec0::", 10, "site-local"),
            block("ff00::", 8, "multicast"));

    private ReceiverAddresses() {
    }

    /** Why Baton must not call this address, or null when it may. */
    static String refusal(InetAddress address, boolean allowLoopback) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            byte[] carried = carriedIpv4(bytes);
            if (carried != null) {
                return refusal(ipv4(carried), allowLoopback);
            }
        }
        if (LOOPBACK_V4.contains(bytes) || LOOPBACK_V6.contains(bytes)) {
            return allowLoopback ? null : "loopback";
        }
        return REFUSED.stream().filter(block -> block.contains(bytes)).map(Block::why).findFirst().orElse(null);
    }

    /** The IPv4 address an IPv6 address stands for (mapped, compatible, NAT64, 6to4), or null. */
    private static byte[] carriedIpv4(byte[] v6) {
        if (zeros(v6, 0, 10) && ((v6[10] == (byte) 0xff && v6[11] == (byte) 0xff) || (v6[10] == 0 && v6[11] == 0 && !zeros(v6, 12, 15)))) {
            return Arrays.copyOfRange(v6, 12, 16);
        }
        if (v6[0] == 0 && v6[1] == 0x64 && v6[2] == (byte) 0xff && v6[3] == (byte) 0x9b) {
            return Arrays.copyOfRange(v6, 12, 16);
        }
        if (v6[0] == 0x20 && v6[1] == 0x02) {
            return Arrays.copyOfRange(v6, 2, 6);
        }
        return null;
    }

    private static boolean zeros(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static InetAddress ipv4(byte[] bytes) {
        try {
            return Inet4Address.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are an IPv4 address", e);
        }
    }

    private static Block block(String network, int prefix, String why) {
        try {
            return new Block(InetAddress.getByName(network).getAddress(), prefix, why);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("a literal address", e);
        }
    }
}
