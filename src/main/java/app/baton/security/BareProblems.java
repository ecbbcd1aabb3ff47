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
    /** The formats of the running application (the valves are made by the container, not by Spring). */
    private static volatile RefusalFormats formats;

    private BareProblems() {
    }

    static void use(RefusalFormats current) {
        formats = current;
    }

    /** The format of the module that owns the path; none (a problem document) when none does or it cannot be asked. */
    private static RefusalFormat format(String path) {
        RefusalFormats current = formats;
        if (path == null || current == null) {
            return null;
        }
        try {
            return current.covering(path).orElse(null);
        } catch (RuntimeException e) {
            // the application that declared the formats is closing: a problem document is still an answer
            return null;
        }
    }

    /**
     * Without an {@code instance}: the refused address may be the attack itself. {@code path} (without the context
     * path; null when unknown) chooses the format: a problem, or the format of the module that owns the path.
     */
    static void write(String path, HttpServletResponse response, HttpStatus status, String type, String title, String detail)
            throws IOException {
        RefusalFormat format = format(path);
        byte[] body;
        if (format != null) {
            body = format.body(new RefusalFormat.Refusal(status.value(), type, detail));
        } else {
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", Problems.BASE + type);
            problem.put("title", title);
            problem.put("status", status.value());
            problem.put("detail", detail);
            body = JSON.writeValueAsBytes(problem);
        }
        response.setStatus(status.value());
        response.setContentType(format != null ? format.contentType() : MediaType.APPLICATION_PROBLEM_JSON_VALUE);
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
