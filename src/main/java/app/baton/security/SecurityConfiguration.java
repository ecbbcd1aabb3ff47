package app.baton.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The one filter chain: who is calling (API key, session, HTTP Basic, JWT), whether it may
 * (built from {@link PermissionMatrix}, everything else denied), rate limits, CSRF and headers.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecuritySettings.class)
class SecurityConfiguration {

    private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    SecurityFilterChain filterChain(HttpSecurity http, PasswordAuthenticator passwords, ApiKeyAuthenticator apiKeys,
                                    RateLimits rateLimits, SecurityProblems problems, ObjectProvider<JwtDecoder> jwtDecoder,
                                    ObjectProvider<JwtCallers> jwtCallers) throws Exception {
        http.authenticationManager(new ProviderManager(passwords))
                .authorizeHttpRequests(SecurityConfiguration::permissions)
                .formLogin(form -> form.defaultSuccessUrl("/api/v1/me", true).failureHandler((request, response, failure) -> {
                    rateLimits.takeAnonymous(request.getRemoteAddr());
                    response.sendRedirect(request.getContextPath() + "/login?error");
                }))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .csrf(csrf -> csrf.ignoringRequestMatchers(SecurityConfiguration::carriesCredentials))
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .headers(SecurityHeaders::configure)
                .addFilterBefore(new BlockedAddressFilter(rateLimits, problems), CsrfFilter.class)
                .addFilterBefore(new ApiKeyFilter(apiKeys, problems), UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(new RateLimitFilter(rateLimits, problems), AnonymousAuthenticationFilter.class);
        JwtDecoder decoder = jwtDecoder.getIfAvailable();
        if (decoder != null) {
            JwtAuthenticationProvider tokens = new JwtAuthenticationProvider(decoder);
            tokens.setJwtAuthenticationConverter(jwtCallers.getObject());
            http.oauth2ResourceServer(server -> server.authenticationEntryPoint(problems).accessDeniedHandler(problems)
                    .jwt(jwt -> jwt.authenticationManager(new ProviderManager(tokens))));
        }
        return http.build();
    }

    private static void permissions(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry registry) {
        for (PermissionMatrix.Permission permission : PermissionMatrix.PERMISSIONS) {
            RequestMatcher matcher = PATHS.matcher(permission.method(), permission.pattern());
            switch (permission.access()) {
                case PUBLIC -> registry.requestMatchers(matcher).permitAll();
                case AUTHENTICATED -> registry.requestMatchers(matcher).authenticated();
                case ROLES -> registry.requestMatchers(matcher).hasAnyRole(permission.roles().stream().map(Role::name).toArray(String[]::new));
            }
        }
        registry.anyRequest().denyAll();
    }

    /**
     * Requests that prove who they are in a header a browser never adds by itself (it cannot set
     * X-API-Key or Bearer cross-site, and never caches Basic credentials because Baton never asks
     * for them) are not open to cross-site request forgery and need no CSRF token.
     */
    private static boolean carriesCredentials(HttpServletRequest request) {
        if (request.getHeader(ApiKeyFilter.HEADER) != null) {
            return true;
        }
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        return authorization != null && (startsWithIgnoringCase(authorization, "Basic ") || startsWithIgnoringCase(authorization, "Bearer "));
    }

    private static boolean startsWithIgnoringCase(String text, String prefix) {
        return text.regionMatches(true, 0, prefix, 0, prefix.length());
    }
}
