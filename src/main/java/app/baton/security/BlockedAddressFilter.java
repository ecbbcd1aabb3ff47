package app.baton.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Runs before authentication: an address that used up its anonymous bucket (many failed logins,
 * unknown keys or anonymous calls) gets 429 before Baton spends a password hash or a key lookup on it.
 */
final class BlockedAddressFilter extends OncePerRequestFilter {

    private final RateLimits limits;
    private final SecurityProblems problems;

    BlockedAddressFilter(RateLimits limits, SecurityProblems problems) {
        this.limits = limits;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long wait = limits.blockedFor(request.getRemoteAddr());
        if (wait > 0) {
            problems.tooManyRequests(request, response, wait);
            return;
        }
        chain.doFilter(request, response);
    }
}
