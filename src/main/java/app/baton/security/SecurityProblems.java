package app.baton.security;

import app.baton.system.Problems;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.URI;
import java.util.Set;

/**
 * 401, 403 and 429 as RFC 9457 problems, written by the filter chain before any controller runs.
 * Browsers asking for a page outside the API are sent to the login form instead, and a page they may
 * not see is the 403 error page. No 401 carries a
 * {@code WWW-Authenticate: Basic} challenge: a browser that never shows the Basic dialog never
 * caches Basic credentials, which is what makes Basic requests safe to exempt from CSRF checks.
 */
@Component
class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    /** Request attribute naming why a page was refused ("forbidden" or "csrf"), for the error page. */
    static final String PAGE_PROBLEM = "batonPageProblem";

    private final ObjectMapper json;
    private final RateLimits rateLimits;
    private final ApplicationEventPublisher events;
    private final RefusalFormats formats;

    SecurityProblems(ObjectMapper json, RateLimits rateLimits, ApplicationEventPublisher events, RefusalFormats formats) {
        this.json = json;
        this.rateLimits = rateLimits;
        this.events = events;
        this.formats = formats;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        if (failure instanceof PasswordChecksBusyException && !wantsPage(request)) {
            // not a failed attempt: nothing was checked, so nothing is counted against the address
            tooManyRequests(request, response, 1);
            return;
        }
        boolean credentialsRefused = !(failure instanceof InsufficientAuthenticationException || failure instanceof PasswordChecksBusyException);
        if (credentialsRefused) {
            rateLimits.takeAnonymous(request.getRemoteAddr());
        }
        if (wantsPage(request)) {
            response.sendRedirect(request.getContextPath() + "/login");
            return;
        }
        write(request, response, Problems.of(HttpStatus.UNAUTHORIZED, "unauthenticated", "Authentication is required",
                credentialsRefused ? "the credentials were not accepted"
                        : "send an X-API-Key header, HTTP Basic credentials or a bearer token, or log in"));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        if (!(denied instanceof CsrfException)) {
            // a known endpoint refused to this caller's roles is audited; a path no entry lists (a scanner, a
            // guessed path) is denied to everyone and concerns no data
            String path = request.getRequestURI().substring(request.getContextPath().length());
            HttpMethod method = HttpMethod.valueOf(request.getMethod());
            PermissionMatrix.permissionFor(method, path).ifPresent(entry -> events.publishEvent(new AccessRefused(method.name(), path,
                    (entry.method() == null ? "" : entry.method().name() + " ") + entry.pattern())));
        }
        if (wantsPage(request)) {
            // A person in a browser reads a page in plain words (the /error page), not a problem document.
            request.setAttribute(PAGE_PROBLEM, denied instanceof CsrfException ? "csrf" : "forbidden");
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        ProblemDetail problem = denied instanceof CsrfException
                ? Problems.of(HttpStatus.FORBIDDEN, "csrf-token-invalid", "A valid CSRF token is required",
                "a request in a browser session must carry the session's token in the X-CSRF-TOKEN header; GET /api/v1/me gives it")
                : Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Not allowed", "none of your roles may make this request");
        write(request, response, problem);
    }

    void tooManyRequests(HttpServletRequest request, HttpServletResponse response, long retryAfterSeconds) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds));
        write(request, response, Problems.of(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
                "this client sent more requests than its limit; retry after " + retryAfterSeconds + " s"));
    }

    void methodNotAllowed(HttpServletRequest request, HttpServletResponse response, Set<String> allowed) throws IOException {
        response.setHeader(HttpHeaders.ALLOW, String.join(", ", allowed));
        write(request, response, Problems.of(HttpStatus.METHOD_NOT_ALLOWED, "http-405", "Method not allowed",
                "this path takes " + String.join(", ", allowed) + " (see the Allow header)"));
    }

    void databaseUnavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
        write(request, response, Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable", "The database is not reachable",
                "the credentials could not be checked; retry later"));
    }

    private void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem) throws IOException {
        RefusalFormat format = formats.covering(path(request)).orElse(null);
        if (format != null) {
            String type = String.valueOf(problem.getType());
            response.setStatus(problem.getStatus());
            response.setContentType(format.contentType());
            response.getOutputStream().write(format.body(new RefusalFormat.Refusal(problem.getStatus(),
                    type.startsWith(Problems.BASE) ? type.substring(Problems.BASE.length()) : type, problem.getDetail())));
            return;
        }
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    /** A person in a browser: never on the API's paths, nor on a path whose module answers refusals in its own format. */
    private boolean wantsPage(HttpServletRequest request) {
        String path = path(request);
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return !path.startsWith("/api/") && !path.startsWith("/actuator/") && accept != null && accept.contains(MediaType.TEXT_HTML_VALUE)
                && formats.covering(path).isEmpty();
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
