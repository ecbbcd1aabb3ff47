package app.baton.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import java.io.IOException;
import java.util.Collections;
import java.util.TreeSet;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A known path called with a method it does not take is a 405 with {@code Allow}, for everyone
 * (an administrator too), before access rules run: the deny-all rule would otherwise answer 403, and
 * a pattern of another method ({@code GET /api/v1/decisions/{id}} for {@code GET /api/v1/decisions/batch})
 * would answer 404. The path's resource is the most specific matrix pattern that matches it, as Spring
 * MVC ranks them; the methods listed for that pattern are the ones allowed. Unknown paths go on as before.
 */
final class WrongMethodFilter extends OncePerRequestFilter {

    private static final Set<String> CHECKED = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
    /** Served by the filter chain itself, not by a controller, so not in the matrix: the login form and log-out. */
    private static final Set<String> FILTER_ENDPOINTS = Set.of("POST /login", "POST /logout");

    /**
     * A matrix entry, with the literal start of its pattern (up to, not including, the last {@code /} before its first variable
     * or wildcard, since {@code /**} also matches no segment at all; the whole pattern when it has none): a path that does not start with it cannot match, so most entries
     * are passed over with one {@code startsWith} instead of a pattern match. This filter runs on every request.
     */
    private record Entry(PathPattern pattern, HttpMethod method, String literalStart) {

        static Entry of(String pattern, HttpMethod method) {
            int variable = pattern.length();
            for (char c : new char[] {'{', '*'}) {
                int at = pattern.indexOf(c);
                if (at >= 0) {
                    variable = Math.min(variable, at);
                }
            }
            String start = variable == pattern.length() ? pattern : pattern.substring(0, Math.max(0, pattern.lastIndexOf('/', variable)));
            return new Entry(PathPatternParser.defaultInstance.parse(pattern), method, start);
        }

        /** Whether the pattern can match at all: a path with escapes or path parameters is always tried. */
        boolean mayMatch(String path, boolean plain) {
            return !plain || path.startsWith(literalStart);
        }
    }

    private final List<Entry> entries;
    private final SecurityProblems problems;
    /** The answers for paths that are literal matrix patterns, by path. */
    private final Map<String, Optional<Set<String>>> literalPaths = new ConcurrentHashMap<>();

    WrongMethodFilter(List<PermissionMatrix.Permission> permissions, SecurityProblems problems) {
        this.entries = permissions.stream()
                .map(p -> Entry.of(p.pattern(), p.method()))
                .toList();
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (CHECKED.contains(request.getMethod()) && !FILTER_ENDPOINTS.contains(request.getMethod() + " " + path)) {
            Optional<Set<String>> allowed = allowed(path);
            if (allowed.isPresent() && !allowed.get().contains(request.getMethod())) {
                problems.methodNotAllowed(request, response, allowed.get());
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /**
     * The methods the path's resource takes, or empty when no entry knows the path (or one takes every method). The answer
     * for a path that is itself a matrix pattern without variables ({@code /api/v1/decisions}, the path of most calls)
     * is kept after the first request: those paths are as many as the matrix's literal entries, so the map stays small
     * whatever paths callers send.
     */
    Optional<Set<String>> allowed(String path) {
        Optional<Set<String>> known = literalPaths.get(path);
        if (known != null) {
            return known;
        }
        PathContainer container = PathContainer.parsePath(path);
        boolean plain = path.indexOf('%') < 0 && path.indexOf(';') < 0;
        List<Entry> matching = entries.stream().filter(e -> e.mayMatch(path, plain) && e.pattern().matches(container)).toList();
        if (matching.isEmpty()) {
            return Optional.empty();
        }
        PathPattern resource = matching.stream().map(Entry::pattern).min(PathPattern.SPECIFICITY_COMPARATOR).orElseThrow();
        Optional<Set<String>> allowed = methodsOf(resource, matching);
        if (resource.getPatternString().equals(path)) {
            literalPaths.put(path, allowed);
        }
        return allowed;
    }

    private static Optional<Set<String>> methodsOf(PathPattern resource, List<Entry> matching) {
        Set<String> methods = new TreeSet<>();
        for (Entry entry : matching) {
            if (entry.pattern().getPatternString().equals(resource.getPatternString())) {
                if (entry.method() == null) {
                    return Optional.empty();
                }
                methods.add(entry.method().name());
            }
        }
        return Optional.of(Collections.unmodifiableSet(methods));
    }
}
