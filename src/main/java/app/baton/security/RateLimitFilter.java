package app.baton.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Runs after authentication: takes the request from the bucket of its API key or user, or of its
 * address when anonymous, and answers 429 with Retry-After when the bucket is empty.
 */
final class RateLimitFilter extends OncePerRequestFilter {

    private final RateLimits limits;
    private final SecurityProblems problems;

    RateLimitFilter(RateLimits limits, SecurityProblems problems) {
        this.limits = limits;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        long wait = authentication instanceof IdentityAuthentication caller
                ? limits.take(caller.getPrincipal())
                : limits.takeAnonymous(request.getRemoteAddr());
        if (wait > 0) {
            problems.tooManyRequests(request, response, wait);
            return;
        }
        chain.doFilter(request, response);
    }
}
