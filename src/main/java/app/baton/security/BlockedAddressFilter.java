package app.baton.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.function.Predicate;

/**
 * Runs before authentication: an address that used up its anonymous bucket (many failed logins,
 * unknown keys or anonymous calls) gets 429 before Baton spends a password hash or a key lookup on it.
 * A request with an API key this instance already knows as usable costs neither, so it goes on without
 * asking the address's bucket (one locked row in PostgreSQL per address): the key's own bucket limits it.
 */
final class BlockedAddressFilter extends OncePerRequestFilter {

    private final RateLimits limits;
    private final SecurityProblems problems;
    private final Predicate<String> knownApiKey;

    /** @param knownApiKey whether a presented API key is known as usable without a database round trip */
    BlockedAddressFilter(RateLimits limits, SecurityProblems problems, Predicate<String> knownApiKey) {
        this.limits = limits;
        this.problems = problems;
        this.knownApiKey = knownApiKey;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(ApiKeyFilter.HEADER);
        if (key != null && knownApiKey.test(key)) {
            chain.doFilter(request, response);
            return;
        }
        long wait = limits.blockedFor(request.getRemoteAddr());
        if (wait > 0) {
            problems.tooManyRequests(request, response, wait);
            return;
        }
        chain.doFilter(request, response);
    }
}
