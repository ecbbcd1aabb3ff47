package app.baton.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.DispatcherTypeRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The one filter chain: who is calling (API key, session, HTTP Basic, JWT, an EHR's JWT on the CDS Hooks paths), whether it may
 * (built from {@link PermissionMatrix}, everything else denied), rate limits, CSRF and headers.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecuritySettings.class)
class SecurityConfiguration {

    private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();
    private static final RequestMatcher LOGIN_FORM = PATHS.matcher(HttpMethod.POST, "/login");

    /**
     * A login is a request of its own, never an error page's dispatch of one: the CSRF check (a
     * once-per-request filter) does not run again on error dispatches, so a login there would skip it.
     */
    private static final ObjectPostProcessor<UsernamePasswordAuthenticationFilter> LOGIN_ON_REQUESTS_ONLY = new ObjectPostProcessor<>() {
        @Override
        public <O extends UsernamePasswordAuthenticationFilter> O postProcess(O filter) {
            filter.setRequiresAuthenticationRequestMatcher(new AndRequestMatcher(new DispatcherTypeRequestMatcher(DispatcherType.REQUEST), LOGIN_FORM));
            return filter;
        }
    };

    /**
     * No Micrometer observation around each security filter, authentication and authorization: Baton exports no traces,
     * and the wrapping cost a decision request about 8 % of its CPU (async-profiler, docs/performance.md). Requests are
     * still timed as a whole ({@code http.server.requests}); console logins are audited as before.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    SecurityFilterChain filterChain(HttpSecurity http, PasswordAuthenticator passwords, ApiKeyAuthenticator apiKeys, Users users,
                                    RateLimits rateLimits, SecurityProblems problems, ObjectProvider<JwtDecoder> jwtDecoder,
                                    ObjectProvider<JwtIdentities> jwtIdentities, ApplicationEventPublisher events,
                                    EhrTokens ehrTokens) throws Exception {
        http.authenticationManager(new ProviderManager(passwords))
                .authorizeHttpRequests(SecurityConfiguration::permissions)
                .formLogin(form -> form.loginPage("/login").successHandler(consoleLogin(events)).failureHandler((request, response, failure) -> {
                    if (!(failure instanceof PasswordChecksBusyException)) {
                        rateLimits.takeAnonymous(request.getRemoteAddr());
                    }
                    response.sendRedirect(request.getContextPath() + "/login?error");
                }).withObjectPostProcessor(LOGIN_ON_REQUESTS_ONLY))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .csrf(csrf -> csrf.ignoringRequestMatchers(SecurityConfiguration::cannotBeForged))
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                // a default entry point, not "the" entry point: the latter would switch off the generated login page
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(problems, AnyRequestMatcher.INSTANCE)
                        .accessDeniedHandler(problems))
                .headers(SecurityHeaders::configure)
                .addFilterAfter(new SessionStandingFilter(users, problems), SecurityContextHolderFilter.class)
                .addFilterBefore(new BlockedAddressFilter(rateLimits, problems, apiKeys::knownUsable), CsrfFilter.class)
                .addFilterBefore(new WrongMethodFilter(PermissionMatrix.PERMISSIONS, problems), CsrfFilter.class)
                .addFilterBefore(new ApiKeyFilter(apiKeys, problems), UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(new EhrTokenFilter(ehrTokens, problems), ApiKeyFilter.class)
                .addFilterAfter(new RateLimitFilter(rateLimits, problems), AnonymousAuthenticationFilter.class);
        JwtDecoder decoder = jwtDecoder.getIfAvailable();
        if (decoder != null) {
            JwtAuthenticationProvider tokens = new JwtAuthenticationProvider(decoder);
            tokens.setJwtAuthenticationConverter(jwtIdentities.getObject());
            // the CDS Hooks paths take the EHRs' own tokens (EhrTokenFilter), never the identity provider's
            DefaultBearerTokenResolver bearer = new DefaultBearerTokenResolver();
            http.oauth2ResourceServer(server -> server.authenticationEntryPoint(problems).accessDeniedHandler(problems)
                    .bearerTokenResolver(request -> EhrTokenFilter.covers(request) ? null : bearer.resolve(request))
                    .jwt(jwt -> jwt.authenticationManager(new ProviderManager(tokens))));
        }
        return http.build();
    }

    /** A console login opens a session: audited as a LOGIN by the person now signed in, then on to the console. */
    private static AuthenticationSuccessHandler consoleLogin(ApplicationEventPublisher events) {
        SimpleUrlAuthenticationSuccessHandler toConsole = new SimpleUrlAuthenticationSuccessHandler("/console");
        toConsole.setAlwaysUseDefaultTargetUrl(true);
        return (request, response, authentication) -> {
            events.publishEvent(new LoginAttempted(authentication.getName(), LoginAttempted.Result.SUCCEEDED));
            toConsole.onAuthenticationSuccess(request, response, authentication);
        };
    }

    private static void permissions(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry registry) {
        for (PermissionMatrix.Permission permission : PermissionMatrix.PERMISSIONS) {
            RequestMatcher matcher = PATHS.matcher(permission.method(), permission.pattern());
            switch (permission.access()) {
                case PUBLIC -> registry.requestMatchers(matcher).permitAll();
                case AUTHENTICATED -> registry.requestMatchers(matcher).authenticated();
                case ROLES -> registry.requestMatchers(matcher).hasAnyRole(permission.roles().stream().map(Role::name).toArray(String[]::new));
                case EHR -> registry.requestMatchers(matcher).access((authentication, context) -> new AuthorizationDecision(
                        authentication.get() != null && authentication.get().getPrincipal() instanceof Identity identity
                                && identity.kind() == Identity.Kind.EHR));
            }
        }
        registry.anyRequest().denyAll();
    }

    /**
     * CSRF is a browser sending the session cookie with a request another site made up. Requests
     * without a session cookie (except the login form, so nobody is logged in to someone else's
     * account) and requests that prove who they are in a header a browser never adds by itself (it
     * cannot set X-API-Key or Bearer cross-site, and never caches Basic credentials because Baton
     * never asks for them) cannot be forged that way and need no CSRF token.
     */
    private static boolean cannotBeForged(HttpServletRequest request) {
        if (request.getHeader(ApiKeyFilter.HEADER) != null) {
            return true;
        }
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && (startsWithIgnoringCase(authorization, "Basic ") || startsWithIgnoringCase(authorization, "Bearer "))) {
            return true;
        }
        return request.getRequestedSessionId() == null && !LOGIN_FORM.matches(request);
    }

    private static boolean startsWithIgnoringCase(String text, String prefix) {
        return text.regionMatches(true, 0, prefix, 0, prefix.length());
    }
}
