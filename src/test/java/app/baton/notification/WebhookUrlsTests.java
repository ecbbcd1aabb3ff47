package app.baton.notification;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookUrlsTests {

    /** A resolver with fixed answers: names that resolve to internal addresses, and one public name. */
    private static final Map<String, String> DNS = Map.of(
            "receiver.example.org", "93.184.216.34",
            "metadata.attacker.example", "169.254.169.254",
            "intranet.attacker.example", "10.1.2.3",
            "rebind.attacker.example", "::ffff:192.168.1.1",
            "localhost", "127.0.0.1");

    private static InetAddress[] resolve(String host) throws UnknownHostException {
        String address = DNS.get(host);
        if (address == null && !Character.isDigit(host.charAt(0)) && !host.contains(":")) {
            throw new UnknownHostException(host);
        }
        return new InetAddress[] {InetAddress.getByName(address == null ? host : address)};
    }

    private static java.util.Optional<String> problem(String url, boolean allowLoopback) {
        return WebhookUrls.problem(url, allowLoopback, WebhookUrlsTests::resolve);
    }

    @Test
    void acceptsHttpsEverywhereAndHttpToLoopbackOnlyWhereAllowed() {
        assertThat(problem("https://receiver.example.org/baton", false)).isEmpty();
        assertThat(problem("http://localhost:8081/hook", true)).isEmpty();
        assertThat(problem("http://127.0.0.1:8081/hook", true)).isEmpty();
        assertThat(problem("http://localhost:8081/hook", false)).contains("must be https");
        assertThat(problem("http://receiver.example.org/hook", true)).contains("must be https (http only to localhost)");
    }

    @Test
    void refusesRelativeUrlsCredentialsAndOtherSchemes() {
        assertThat(problem("/hook", true)).isPresent();
        assertThat(problem("https://user:pass@receiver.example.org/", false)).contains("must not carry user info or a fragment");
        assertThat(problem("ftp://receiver.example.org/", false)).contains("must be https");
        assertThat(problem("https://exa mple.org/", false)).contains("not a valid URL");
    }

    @Test
    void refusesInternalAddressesWrittenAsAddresses() {
        for (String url : new String[] {"https://127.0.0.1/hook", "https://[::1]/hook", "https://10.0.0.8/hook",
                "https://172.16.4.4/hook", "https://192.168.1.1/hook", "https://169.254.169.254/latest/meta-data/",
                "https://100.100.100.200/latest/meta-data/", "https://0.0.0.0/hook", "https://[fd00:ec2::254]/hook",
                "https://[fe80::1]/hook", "https://[::ffff:127.0.0.1]/hook", "https://[::ffff:a9fe:a9fe]/hook",
                "https://[64:ff9b::a9fe:a9fe]/hook", "https://[2002:a9fe:a9fe::1]/hook", "https://[::]/hook"}) {
            assertThat(problem(url, false)).as(url).hasValueSatisfying(why -> assertThat(why).startsWith("must reach a public address"));
        }
    }

    @Test
    void refusesIpv4AddressesInOtherNotations() {
        for (String url : new String[] {"https://2130706433/hook", "https://0x7f000001/hook", "https://0x7f.1/hook",
                "https://0177.0.0.1/hook", "https://127.1/hook", "https://017700000001/hook", "https://169.254.169.254./hook"}) {
            assertThat(problem(url, false)).as(url).isPresent();
        }
    }

    @Test
    void refusesNamesThatResolveToInternalAddresses() {
        assertThat(problem("https://metadata.attacker.example/", false)).contains("must reach a public address, not a link-local (cloud metadata) one");
        assertThat(problem("https://intranet.attacker.example/", false)).contains("must reach a public address, not a private one");
        assertThat(problem("https://rebind.attacker.example/", false)).contains("must reach a public address, not a private one");
        assertThat(problem("https://localhost/", false)).contains("must reach a public address, not a loopback one");
    }

    @Test
    void loopbackIsAllowedOnlyBySetting() {
        assertThat(problem("https://localhost:8443/hook", true)).isEmpty();
        assertThat(problem("https://[::ffff:127.0.0.1]/hook", true)).isEmpty();
        assertThat(problem("https://169.254.169.254/", true)).isPresent();
    }

    @Test
    void aNameThatDoesNotResolveYetIsCheckedAtDelivery() {
        assertThat(problem("https://not-yet.example.net/hook", false)).isEmpty();
    }

    @Test
    void theProblemNeverRepeatsTheUrl() {
        assertThat(problem("https://169.254.169.254/secret-path", false).orElseThrow()).doesNotContain("169.254").doesNotContain("secret-path");
    }
}
