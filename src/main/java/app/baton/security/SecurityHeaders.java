package app.baton.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Spring Security's default headers (nosniff, frame denial, no caching, HSTS on HTTPS) plus a
 * Content-Security-Policy that allows nothing but same-origin style sheets (the login page) and
 * forms, except on the console (same-origin scripts and fetches too) and Swagger UI, which needs its
 * own scripts, styles and images; and no Referer.
 */
final class SecurityHeaders {

    static final String STRICT_POLICY = "default-src 'none'; style-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    /** The console's pages also run same-origin scripts (htmx) and fetch fragments from their own origin. */
    static final String CONSOLE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    static final String SWAGGER_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private SecurityHeaders() {
    }

    static void configure(HeadersConfigurer<HttpSecurity> headers) {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        RequestMatcher swagger = new OrRequestMatcher(paths.matcher("/swagger-ui/**"), paths.matcher("/swagger-ui.html"));
        RequestMatcher console = paths.matcher("/console/**");
        headers.referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(swagger, new ContentSecurityPolicyHeaderWriter(SWAGGER_POLICY)))
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(console, new ContentSecurityPolicyHeaderWriter(CONSOLE_POLICY)))
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(new OrRequestMatcher(swagger, console)),
                        new ContentSecurityPolicyHeaderWriter(STRICT_POLICY)));
    }
}
