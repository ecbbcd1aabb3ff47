package app.baton.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.dao.DataAccessException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.session.SessionAuthenticationException;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Set;
import java.util.UUID;

/**
 * Runs right after a browser session's login is restored, on every request: the account must still
 * be enabled and still carry the security stamp it logged in with. Any change an administrator
 * makes (status, roles, locations, password, unlock) and a lock-out give the account a new stamp, so
 * the session ends at its next request, on whichever instance serves it, whatever stores the
 * sessions. One primary-key read per session request; no cache, so there is no delay to bound.
 */
final class SessionStandingFilter extends OncePerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final Users users;
    private final SecurityProblems problems;

    SessionStandingFilter(Users users, SecurityProblems problems) {
        this.users = users;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof IdentityAuthentication session && session.securityStamp() != IdentityAuthentication.NO_STAMP) {
            boolean standing;
            try {
                standing = users.standing(UUID.fromString(session.getPrincipal().id()))
                        .filter(account -> account.enabled() && account.securityStamp() == session.securityStamp())
                        .isPresent();
            } catch (DataAccessException e) {
                problems.databaseUnavailable(request, response);
                return;
            }
            if (!standing) {
                SecurityContextHolder.clearContext();
                HttpSession old = request.getSession(false);
                if (old != null) {
                    old.invalidate();
                }
                // A change is refused at once (its CSRF token went with the session); a read goes on as
                // nobody, so public pages such as the login form still open and the others answer 401.
                if (!SAFE_METHODS.contains(request.getMethod())) {
                    problems.commence(request, response, new SessionAuthenticationException("the account changed"));
                    return;
                }
            }
        }
        chain.doFilter(request, response);
    }
}
