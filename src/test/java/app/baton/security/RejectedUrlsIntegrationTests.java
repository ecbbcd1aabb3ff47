package app.baton.security;

import app.baton.HttpJson;
import app.baton.WebIntegrationTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Addresses refused before any controller (by the servlet container or Spring Security's firewall:
 * path parameters, doubled or encoded slashes, dot segments) answer like every other refusal: a
 * problem document with the security headers, not a container's page.
 */
class RejectedUrlsIntegrationTests extends WebIntegrationTest {

    private String raw(String target) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nX-API-Key: " + HttpJson.TEST_API_KEY
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void rejectedAddressesAnswerAProblemWithTheSecurityHeaders() throws IOException {
        for (String target : new String[] {"/api/v1/me;x=y", "/api/v1;jsessionid=1/me", "//api/v1/me", "/api/v1//me",
                "/api/v1%2fme", "/api/v1/%2e%2e/v1/me", "/api/v1/me%00", "/api/v1/%5cme"}) {
            String response = raw(target);
            String head = response.substring(0, Math.max(0, response.indexOf("\r\n\r\n"))).toLowerCase(Locale.ROOT);

            assertThat(response).as(target).startsWith("HTTP/1.1 400");
            assertThat(head).as(target).contains("content-type: application/problem+json");
            assertThat(head).as(target).contains("x-content-type-options: nosniff");
            assertThat(head).as(target).contains("x-frame-options: deny");
            assertThat(head).as(target).contains("cache-control: no-cache, no-store");
            assertThat(head).as(target).contains("content-security-policy: " + SecurityHeaders.STRICT_POLICY.toLowerCase(Locale.ROOT));
            assertThat(response).as(target).contains("\"type\":\"urn:baton:problem:rejected-url\"").doesNotContain("Apache Tomcat")
                    .doesNotContain("jsessionid");
        }
    }

    @Test
    void aPlainAddressStillAnswers() throws IOException {
        assertThat(raw("/api/v1/me")).startsWith("HTTP/1.1 200");
    }
}
