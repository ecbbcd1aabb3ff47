package app.baton.security;

import app.baton.system.Problems;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Problems written where Spring Security's header writers do not run (a request refused in the servlet
 * container, or by the firewall before the filter chain): the same problem document and the same
 * security headers as every other answer, and {@code Connection: close}.
 */
final class BareProblems {

    private static final ObjectMapper JSON = new ObjectMapper();

    private BareProblems() {
    }

    /** Without an {@code instance}: the refused address may be the attack itself. */
    static void write(HttpServletResponse response, HttpStatus status, String type, String title, String detail) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", Problems.BASE + type);
        problem.put("title", title);
        problem.put("status", status.value());
        problem.put("detail", detail);
        byte[] body = JSON.writeValueAsBytes(problem);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setContentLength(body.length);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
        response.setHeader("Pragma", "no-cache");
        response.setHeader("Expires", "0");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Content-Security-Policy", SecurityHeaders.STRICT_POLICY);
        response.setHeader("Connection", "close");
        response.getOutputStream().write(body);
        response.flushBuffer();
    }
}
