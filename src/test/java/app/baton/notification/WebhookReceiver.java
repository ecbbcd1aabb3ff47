package app.baton.notification;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on the loopback address that receives webhooks in tests: it keeps every request
 * and answers with the scripted status codes in turn, then with the default (200 unless changed).
 */
final class WebhookReceiver implements AutoCloseable {

    /** One request as received: its headers (names in lower case) and raw body. */
    record Received(Map<String, String> headers, String body) {

        String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Queue<Integer> script = new ConcurrentLinkedQueue<>();
    private volatile int defaultStatus = 200;

    /** Scripted in place of a status code: answer only after Baton's request timeout (2 s in tests) has passed. */
    static final int TOO_LATE = -1;

    WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext("/hook", exchange -> {
            Map<String, String> headers = new java.util.HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
            received.add(new Received(headers, new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            Integer scripted = script.poll();
            if (scripted != null && scripted == TOO_LATE) {
                answerLate();
                scripted = 200;
            }
            exchange.sendResponseHeaders(scripted != null ? scripted : defaultStatus, -1);
            exchange.close();
        });
        server.start();
    }

    /** A slow receiver: the thread answering this request waits past the client's timeout. */
    private static void answerLate() {
        try {
            Thread.sleep(3_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    String url() {
        return "http://localhost:" + server.getAddress().getPort() + "/hook";
    }

    /** Answers these status codes to the next requests, in order. */
    WebhookReceiver answering(Integer... statuses) {
        script.addAll(List.of(statuses));
        return this;
    }

    WebhookReceiver answeringAlways(int status) {
        defaultStatus = status;
        return this;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    List<Received> receivedFor(String eventId) {
        return received.stream().filter(r -> eventId.equals(r.header("X-Baton-Event-Id"))).toList();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
