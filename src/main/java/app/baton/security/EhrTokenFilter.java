package app.baton.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Under {@value #PATH}, only an EHR's signed JWT ({@link EhrTokens}) says who is calling, discovery included: any
 * other credentials (an API key, a session) count for nothing there, and a request without an accepted token is a
 * 401 whose reason goes to the log, never the token.
 */
final class EhrTokenFilter extends OncePerRequestFilter {

    static final String PATH = "/cds-services";
    private static final Logger log = LoggerFactory.getLogger(EhrTokenFilter.class);

    private final EhrTokens tokens;
    private final SecurityProblems problems;

    EhrTokenFilter(EhrTokens tokens, SecurityProblems problems) {
        this.tokens = tokens;
        this.problems = problems;
    }

    static boolean covers(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals(PATH) || path.startsWith(PATH + "/");
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !covers(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        SecurityContextHolder.clearContext();
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            log.warn("CDS Hooks call refused: no bearer token");
            problems.commence(request, response, new BadCredentialsException("no EHR token"));
            return;
        }
        Identity ehr;
        try {
            ehr = tokens.verify(authorization.substring(7).trim());
        } catch (EhrTokens.Refused refused) {
            log.warn("CDS Hooks call refused: {}", refused.getMessage());
            problems.commence(request, response, new BadCredentialsException("EHR token not accepted"));
            return;
        } catch (DataAccessException e) {
            problems.databaseUnavailable(request, response);
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new IdentityAuthentication(ehr));
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }
}
