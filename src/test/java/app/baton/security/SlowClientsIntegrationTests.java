package app.baton.security;

import app.baton.HttpJson;
import app.baton.Requests;
import app.baton.WebIntegrationTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One anonymous address holding 260 connections open, each sending a login form one byte a second
 * (more connections than the server has threads), must not stop other apps' API-key calls: they keep
 * answering, nine in ten within a second and every one within five (liveness bounds, far above their
 * usual milliseconds, loose enough for a build machine shared with other builds; before the gate no
 * call answered at all during the attack). When the server closes one of the slow connections, the
 * attacker opens another a few seconds later.
 */
class SlowClientsIntegrationTests extends WebIntegrationTest {

    private static final int SLOW_CONNECTIONS = 260;
    private static final Duration ATTACK = Duration.ofSeconds(20);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration PROMPT = Duration.ofSeconds(1);

    @Test
    void slowLoginUploadsFromOneAddressDoNotStopApiKeyDecisions() throws Exception {
        HttpClient probes = HttpClient.newBuilder().connectTimeout(PROBE_TIMEOUT).build();
        for (int warmUp = 0; warmUp < 20; warmUp++) {
            assertThat(probes.send(decision(Duration.ofSeconds(30)), HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
        }
        AtomicBoolean attacking = new AtomicBoolean(true);
        AtomicInteger opened = new AtomicInteger();
        List<Thread> attackers = new ArrayList<>();
        for (int i = 0; i < SLOW_CONNECTIONS; i++) {
            Thread attacker = new Thread(() -> trickle(attacking, opened), "slow-login-" + i);
            attacker.setDaemon(true);
            attacker.start();
            attackers.add(attacker);
        }
        List<String> failures = new ArrayList<>();
        int answered = 0;
        int prompt = 0;
        try {
            Thread.sleep(5000);
            long start = System.nanoTime();
            long end = start + ATTACK.toNanos();
            while (System.nanoTime() < end) {
                long sent = System.nanoTime();
                String at = "at " + (sent - start) / 1_000_000 + " ms: ";
                try {
                    int status = probes.send(decision(PROBE_TIMEOUT), HttpResponse.BodyHandlers.discarding()).statusCode();
                    if (status == 200) {
                        answered++;
                        prompt += System.nanoTime() - sent <= PROMPT.toNanos() ? 1 : 0;
                    } else {
                        failures.add(at + "HTTP " + status);
                    }
                } catch (IOException e) {
                    failures.add(at + e.getClass().getSimpleName());
                }
                Thread.sleep(250);
            }
        } finally {
            attacking.set(false);
            for (Thread attacker : attackers) {
                attacker.join(5000);
            }
        }

        assertThat(opened.get()).as("slow connections opened").isGreaterThanOrEqualTo(SLOW_CONNECTIONS);
        assertThat(failures).as("API-key decisions that did not answer within %s", PROBE_TIMEOUT).isEmpty();
        assertThat(answered).isGreaterThan(10);
        assertThat(prompt).as("of %d decisions, those answered within %s", answered, PROMPT).isGreaterThanOrEqualTo(answered * 9 / 10);
    }

    private HttpRequest decision(Duration timeout) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/decisions"))
                .timeout(timeout)
                .header("X-API-Key", HttpJson.TEST_API_KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Requests.workedExample()))
                .build();
    }

    @Test
    void aBodyThatTakesLongerThanTheBodyTimeOutIsRefusedAndTheConnectionClosed() throws Exception {
        String basic = java.util.Base64.getEncoder().encodeToString(("nurse:" + HttpJson.TEST_PASSWORD).getBytes(StandardCharsets.UTF_8));
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/decisions HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + basic
                    + "\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            StringBuilder answer = new StringBuilder();
            long giveUp = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            boolean closed = false;
            while (!closed && System.nanoTime() < giveUp) {
                try {
                    out.write(' ');
                    out.flush();
                } catch (IOException e) {
                    break;
                }
                try {
                    int b;
                    while ((b = socket.getInputStream().read()) >= 0) {
                        answer.append((char) b);
                    }
                    closed = true;
                } catch (SocketTimeoutException e) {
                    Thread.sleep(1000);
                }
            }
            assertThat(answer.toString()).startsWith("HTTP/1.1 408").contains("urn:baton:problem:request-timeout");
        }
    }

    /** Sends a login form one byte a second; when the server closes the connection, opens another a few seconds later. */
    private void trickle(AtomicBoolean attacking, AtomicInteger opened) {
        while (attacking.get()) {
            pause();
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                opened.incrementAndGet();
                socket.setSoTimeout(10);
                OutputStream out = socket.getOutputStream();
                InputStream in = socket.getInputStream();
                out.write(("POST /login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                        + "Content-Length: 1000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                while (attacking.get()) {
                    out.write('u');
                    out.flush();
                    if (answered(in)) {
                        break;
                    }
                    Thread.sleep(1000);
                }
            } catch (IOException e) {
                // the server closed the connection: open another
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(2000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(2000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether the server answered or closed the connection: a byte or the end of the stream within 10 ms. */
    private static boolean answered(InputStream in) throws IOException {
        try {
            in.read();
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        }
    }
}
