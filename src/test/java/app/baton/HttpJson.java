package app.baton;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A plain HTTP client for integration tests: sends raw bytes, so malformed bodies can be sent too.
 * By default every request carries the test profile's INTEGRATION key ({@link #TEST_API_KEY});
 * {@link #anonymous()}, {@link #asUser}, {@link #withApiKey}, {@link #withBearer} and
 * {@link #browser()} give a client that calls as someone else.
 */
public final class HttpJson {

    /** The INTEGRATION key that application-test.yaml seeds (baton.security.demo.api-key). */
    public static final String TEST_API_KEY = "bk_test_integration_key_for_tests_only";
    /** The password of the demo users in the test profile (frontdesk, nurse, ..., admin). */
    public static final String TEST_PASSWORD = "test-password";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient SHARED = HttpClient.newHttpClient();
    private final HttpClient client;
    private final String base;
    private final List<String> credentials;

    public HttpJson(int port) {
        this(SHARED, "http://localhost:" + port, List.of("X-API-Key", TEST_API_KEY));
    }

    private HttpJson(HttpClient client, String base, List<String> credentials) {
        this.client = client;
        this.base = base;
        this.credentials = credentials;
    }

    /** Sends no credentials. */
    public HttpJson anonymous() {
        return new HttpJson(client, base, List.of());
    }

    public HttpJson withApiKey(String key) {
        return new HttpJson(client, base, List.of("X-API-Key", key));
    }

    /** HTTP Basic as this user. */
    public HttpJson asUser(String username, String password) {
        String pair = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new HttpJson(client, base, List.of("Authorization", "Basic " + pair));
    }

    /** A demo user of the test profile, with its password. */
    public HttpJson asUser(String username) {
        return asUser(username, TEST_PASSWORD);
    }

    public HttpJson withBearer(String token) {
        return new HttpJson(client, base, List.of("Authorization", "Bearer " + token));
    }

    /** The same client, with its cookies and credentials, calling another server on this machine (another instance). */
    public HttpJson onPort(int port) {
        return new HttpJson(client, "http://localhost:" + port, credentials);
    }

    /** Keeps cookies like a browser (a session after login) and sends no credentials of its own. */
    public HttpJson browser() {
        return new HttpJson(HttpClient.newBuilder().cookieHandler(new CookieManager()).build(), base, List.of());
    }

    public record Response(int status, String contentType, Map<String, List<String>> headers, String text) {

        public JsonNode json() {
            try {
                return JSON.readTree(text);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + text, e);
            }
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name))
                    .map(h -> h.getValue().get(0)).findFirst().orElse(null);
        }
    }

    public Response post(String path, String body, String... headers) {
        return send("POST", path, body, headers);
    }

    public Response put(String path, String body, String... headers) {
        return send("PUT", path, body, headers);
    }

    public Response get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    public Response delete(String path, String... headers) {
        return send("DELETE", path, null, headers);
    }

    /** A request with any method; a body is sent as JSON unless the headers name another Content-Type. */
    public Response send(String method, String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return text(exchange(request, body != null, HttpResponse.BodyHandlers.ofString(), headers));
    }

    /** A GET whose answer is bytes (a downloaded file). */
    public HttpResponse<byte[]> download(String path) {
        return exchange(HttpRequest.newBuilder(URI.create(base + path)).GET(), false, HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A multipart/form-data POST: text fields, then files (name to bytes) under the part name {@code filesPart}. */
    public Response upload(String path, Map<String, String> fields, String filesPart, Map<String, byte[]> files) {
        String boundary = "baton-test-" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        fields.forEach((name, value) -> write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                + "\"\r\n\r\n" + value + "\r\n"));
        files.forEach((name, content) -> {
            write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + filesPart + "\"; filename=\""
                    + name + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
            body.writeBytes(content);
            write(body, "\r\n");
        });
        write(body, "--" + boundary + "--\r\n");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        return text(exchange(request, false, HttpResponse.BodyHandlers.ofString(),
                "Content-Type", "multipart/form-data; boundary=" + boundary));
    }

    private static void write(java.io.ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    private static Response text(HttpResponse<String> response) {
        return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.headers().map(), response.body());
    }

    private <T> HttpResponse<T> exchange(HttpRequest.Builder request, boolean json, HttpResponse.BodyHandler<T> handler, String... headers) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
            names.add(headers[i].toLowerCase());
        }
        for (int i = 0; i < credentials.size(); i += 2) {
            if (!names.contains(credentials.get(i).toLowerCase())) {
                request.header(credentials.get(i), credentials.get(i + 1));
            }
        }
        if (json && !names.contains("content-type")) {
            request.header("Content-Type", "application/json");
        }
        try {
            return client.send(request.build(), handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
