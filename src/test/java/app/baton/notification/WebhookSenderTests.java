package app.baton.notification;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A delivery resolves and checks the receiver's address at each try, and says nothing about ports. */
class WebhookSenderTests {

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : open) {
            closeable.close();
        }
    }

    private static WebhookSender sender(boolean allowLoopback) {
        return new WebhookSender(new WebhookProperties(3, Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofSeconds(2),
                Duration.ofSeconds(2), allowLoopback), Clock.systemUTC());
    }

    private WebhookSender.Result send(WebhookSender sender, String url) {
        return sender.send(url, "secret", UUID.randomUUID(), "TASK_ESCALATED", UUID.randomUUID(), 1, "{}".getBytes());
    }

    private int receiver(AtomicInteger calls) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", exchange -> {
            calls.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        open.add(() -> server.stop(0));
        return server.getAddress().getPort();
    }

    @Test
    void aReceiverOnAnAllowedAddressGetsTheDelivery() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        int port = receiver(calls);

        WebhookSender.Result result = send(sender(true), "http://localhost:" + port + "/hook");

        assertThat(result.statusCode()).isEqualTo(204);
        assertThat(calls).hasValue(1);
    }

    @Test
    void anAddressThatIsRefusedAtDeliveryIsNeverConnectedTo() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        int port = receiver(calls);

        WebhookSender.Result result = send(sender(false), "http://localhost:" + port + "/hook");

        assertThat(result.error()).isEqualTo("refused-address");
        assertThat(result.permanent()).isTrue();
        assertThat(calls).hasValue(0);
    }

    @Test
    void theResolverRefusesANameWithAnyInternalAddress() {
        assertThatThrownBy(() -> new CheckedDnsResolver(false).resolve("127.0.0.1")).isInstanceOf(CheckedDnsResolver.RefusedAddress.class);
        assertThatThrownBy(() -> new CheckedDnsResolver(false).resolve("169.254.169.254")).isInstanceOf(CheckedDnsResolver.RefusedAddress.class);
        assertThatThrownBy(() -> new CheckedDnsResolver(true).resolve("10.0.0.1")).isInstanceOf(CheckedDnsResolver.RefusedAddress.class);
    }

    @Test
    void aClosedPortAndAnOpenPortThatIsNotHttpLookTheSame() throws IOException {
        int closed;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = probe.getLocalPort();
        }
        ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        open.add(silent);
        Thread acceptor = new Thread(() -> {
            try (Socket accepted = silent.accept()) {
                accepted.getOutputStream().write("SSH-2.0-OpenSSH_9.2\r\n".getBytes());
                Thread.sleep(3000);
            } catch (IOException | InterruptedException e) {
                // the test is over
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();

        WebhookSender sender = sender(true);
        WebhookSender.Result toClosed = send(sender, "http://127.0.0.1:" + closed + "/hook");
        WebhookSender.Result toOpen = send(sender, "http://127.0.0.1:" + silent.getLocalPort() + "/hook");

        assertThat(toClosed.statusCode()).isNull();
        assertThat(toOpen.statusCode()).isNull();
        assertThat(toClosed.error()).isEqualTo(toOpen.error()).isEqualTo("no-answer");
    }
}
