package app.baton.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiPredicate;

/**
 * The first thing a request meets in the servlet container, before its body is read: a request with a
 * valid API key goes straight on (other apps' calls keep answering whatever else happens); every other
 * request takes one of its address's slots and one of the slots of all such requests, and its body (a
 * login or console form, a JSON body; not a file upload) must arrive whole within the body time-out. A
 * request that finds no slot, or whose body takes too long, is refused at once with a problem and the
 * connection is closed without reading the rest of its body, so a slow client never holds more threads
 * than its slots, nor any of them for longer than the time-out. Tomcat's NIO connector
 * holds no thread while headers arrive; {@code server.tomcat.connection-timeout} bounds each wait.
 */
final class ClientGate extends ValveBase {

    /** Larger bodies are refused later (413) by the request size limit; file uploads are read as they come. */
    private static final long MAX_READ_BYTES = 1024 * 1024;

    private final BiPredicate<String, String> validApiKey;
    private final int perAddress;
    private final int total;
    private final long bodyTimeoutNanos;
    private final AtomicInteger inFlightTotal = new AtomicInteger();
    private final Map<String, Integer> inFlight = new ConcurrentHashMap<>();

    /** @param validApiKey whether the request from this address (first) carries this valid key (second) */
    ClientGate(BiPredicate<String, String> validApiKey, int perAddress, int total, Duration bodyTimeout) {
        super(true);
        this.validApiKey = validApiKey;
        this.perAddress = perAddress;
        this.total = total;
        this.bodyTimeoutNanos = bodyTimeout.toNanos();
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        String key = request.getHeader(ApiKeyFilter.HEADER);
        String address = request.getRemoteAddr();
        if (key != null && validApiKey.test(address, key)) {
            getNext().invoke(request, response);
            return;
        }
        if (!take(address)) {
            refuse(request, response, HttpStatus.TOO_MANY_REQUESTS, "too-many-requests-in-progress", "Too many requests in progress",
                    "this address has as many requests in progress as it may; send the next when one has answered");
            return;
        }
        try {
            if (readsWhole(request)) {
                byte[] body = readBody(request);
                // Nothing goes on to the application: an exception here would be dispatched to the error page
                // as the same POST, past the CSRF check, which does not run on error dispatches.
                if (body == null) {
                    refuse(request, response, HttpStatus.REQUEST_TIMEOUT, "request-timeout", "The request took too long to arrive",
                            "the request body did not arrive within the time allowed; send it again");
                    return;
                }
                request.setRequest(new ReadBody(request.getRequest(), body, isForm(request)));
            }
            getNext().invoke(request, response);
        } finally {
            release(address);
        }
    }

    private boolean take(String address) {
        if (inFlightTotal.incrementAndGet() > total) {
            inFlightTotal.decrementAndGet();
            return false;
        }
        boolean[] taken = {false};
        inFlight.compute(address, (a, count) -> {
            int now = count == null ? 0 : count;
            if (now >= perAddress) {
                return count;
            }
            taken[0] = true;
            return now + 1;
        });
        if (!taken[0]) {
            inFlightTotal.decrementAndGet();
        }
        return taken[0];
    }

    private void release(String address) {
        inFlightTotal.decrementAndGet();
        inFlight.computeIfPresent(address, (a, count) -> count <= 1 ? null : count - 1);
    }

    /** A body that is there, not a file upload, and not declared too large. */
    private static boolean readsWhole(Request request) {
        String type = request.getContentType();
        long length = request.getContentLengthLong();
        boolean hasBody = length > 0 || (length < 0 && request.getHeader("Transfer-Encoding") != null);
        return hasBody && length <= MAX_READ_BYTES
                && (type == null || !type.toLowerCase(Locale.ROOT).startsWith(MediaType.MULTIPART_FORM_DATA_VALUE));
    }

    private static boolean isForm(Request request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE);
    }

    /**
     * The whole body, or null when it did not arrive in time (each read waits at most the connection
     * time-out) or the client left.
     */
    private byte[] readBody(Request request) {
        long deadline = System.nanoTime() + bodyTimeoutNanos;
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        try {
            InputStream in = request.getInputStream();
            int n;
            while ((n = in.read(buffer)) >= 0) {
                body.write(buffer, 0, n);
                if (System.nanoTime() - deadline > 0) {
                    return null;
                }
                if (body.size() > MAX_READ_BYTES) {
                    // over the size limit: hand on what arrived, for the size limit to refuse with 413
                    break;
                }
            }
        } catch (IOException e) {
            return null;
        }
        return body.toByteArray();
    }

    /**
     * Answers without reading the rest of the body, and closes the connection instead of draining it. The
     * answer is the whole report: marked so, Tomcat does not also dispatch the request to the error page.
     */
    private static void refuse(Request request, Response response, HttpStatus status, String type, String title, String detail) {
        request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
        response.setErrorReported();
        HttpServletResponse servletResponse = response.getResponse();
        if (status == HttpStatus.TOO_MANY_REQUESTS) {
            servletResponse.setHeader("Retry-After", "1");
        }
        try {
            BareProblems.write(request.getRequestURI(), servletResponse, status, type, title, detail);
        } catch (IOException e) {
            // the client has gone: there is no one to tell
        }
    }
}
