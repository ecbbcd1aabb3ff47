package app.baton.security;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.bucket4j.Bucket;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.test.context.TestSecurityContextHolder;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Per-client token buckets: 429 problems with Retry-After, one bucket per key, user or address. */
class RateLimitFilterTests {

    private final ObjectMapper json = Jackson2ObjectMapperBuilder.json().build();
    private final RateLimits limits = new RateLimits(new SecuritySettings(new SecuritySettings.Lockout(5, Duration.ofMinutes(15)),
            new SecuritySettings.ApiKeys(Duration.ofSeconds(30), Duration.ofMinutes(1)), null,
            new SecuritySettings.RateLimit(4, 2, 1, 1, 0, 0, 0), null, null), new EhrSettings(null, null, List.of(
            new EhrSettings.Ehr("small-ehr", "https://small.example.org", null, List.of(), Set.of("*"), 3L),
            new EhrSettings.Ehr("big-ehr", "https://big.example.org", null, List.of(), Set.of("*"), 6L),
            new EhrSettings.Ehr("plain-ehr", "https://plain.example.org", null, List.of(), Set.of("*"), null))),
            (client, configuration, exact) -> Bucket.builder()
            .addLimit(configuration.getBandwidths()[0]).build());
    private final SecurityProblems problems = new SecurityProblems(json, limits, event -> { }, new RefusalFormats(java.util.stream.Stream::empty));
    private final RateLimitFilter afterAuthentication = new RateLimitFilter(limits, problems);
    private final BlockedAddressFilter beforeAuthentication = new BlockedAddressFilter(limits, problems, "bk_known"::equals);

    @AfterEach
    void forgetCaller() {
        TestSecurityContextHolder.clearContext();
    }

    private MockHttpServletResponse call(Identity caller, String address) throws Exception {
        return call(caller, address, null);
    }

    private MockHttpServletResponse call(Identity caller, String address, String apiKey) throws Exception {
        TestSecurityContextHolder.clearContext();
        if (caller != null) {
            TestSecurityContextHolder.setAuthentication(new IdentityAuthentication(caller));
        }
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/decisions");
        request.setRemoteAddr(address);
        if (apiKey != null) {
            request.addHeader(ApiKeyFilter.HEADER, apiKey);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        beforeAuthentication.doFilter(request, response, new MockFilterChain());
        if (response.getStatus() == 200) {
            afterAuthentication.doFilter(request, response, new MockFilterChain());
        }
        return response;
    }

    private static Identity user(String id) {
        return new Identity(id, id, Identity.Kind.USER, Set.of(Role.CLINICAL_STAFF), Set.of("MAIN_CLINIC"));
    }

    @Test
    void userOverTheLimitGetsATooManyRequestsProblemWithRetryAfter() throws Exception {
        assertThat(call(user("u1"), "10.0.0.1").getStatus()).isEqualTo(200);
        assertThat(call(user("u1"), "10.0.0.1").getStatus()).isEqualTo(200);

        MockHttpServletResponse limited = call(user("u1"), "10.0.0.1");

        assertThat(limited.getStatus()).isEqualTo(429);
        assertThat(limited.getHeader("Retry-After")).isEqualTo("1");
        assertThat(limited.getContentType()).isEqualTo("application/problem+json");
        JsonNode problem = json.readTree(limited.getContentAsString());
        assertThat(problem.path("type").asText()).isEqualTo("urn:baton:problem:rate-limited");
        assertThat(problem.path("instance").asText()).isEqualTo("/api/v1/decisions");
    }

    @Test
    void eachClientHasItsOwnBucket() throws Exception {
        call(user("u2"), "10.0.0.2");
        call(user("u2"), "10.0.0.2");

        assertThat(call(user("u3"), "10.0.0.2").getStatus()).isEqualTo(200);
    }

    @Test
    void apiKeysHaveTheirOwnLimit() throws Exception {
        Identity key = new Identity("k1", "ehr", Identity.Kind.API_KEY, Set.of(Role.INTEGRATION), Set.of("*"));
        for (int i = 0; i < 4; i++) {
            assertThat(call(key, "10.0.0.3").getStatus()).isEqualTo(200);
        }

        assertThat(call(key, "10.0.0.3").getStatus()).isEqualTo(429);
    }

    @Test
    void anonymousCallersAreCountedByAddress() throws Exception {
        assertThat(call(null, "10.0.0.4").getStatus()).isEqualTo(200);

        assertThat(call(null, "10.0.0.4").getStatus()).isEqualTo(429);
        assertThat(call(null, "10.0.0.5").getStatus()).isEqualTo(200);
    }

    @Test
    void addressWithTooManyFailedLoginsIsRefusedBeforeItsCredentialsAreChecked() throws Exception {
        MockHttpServletRequest failed = new MockHttpServletRequest("GET", "/api/v1/me");
        failed.setRemoteAddr("10.0.0.6");
        problems.commence(failed, new MockHttpServletResponse(), new BadCredentialsException("wrong password"));

        assertThat(call(user("u4"), "10.0.0.6").getStatus()).isEqualTo(429);
        assertThat(call(user("u4"), "10.0.0.7").getStatus()).isEqualTo(200);
    }

    @Test
    void aKeyTheInstanceKnowsIsNotHeldUpByItsAddressBucketButAnUnknownOneIs() throws Exception {
        MockHttpServletRequest failed = new MockHttpServletRequest("GET", "/api/v1/me");
        failed.setRemoteAddr("10.0.0.9");
        problems.commence(failed, new MockHttpServletResponse(), new BadCredentialsException("unknown key"));
        Identity key = new Identity("k2", "ehr", Identity.Kind.API_KEY, Set.of(Role.INTEGRATION), Set.of("*"));

        assertThat(call(key, "10.0.0.9", "bk_known").getStatus()).isEqualTo(200);
        assertThat(call(null, "10.0.0.9", "bk_guessed").getStatus()).isEqualTo(429);
        assertThat(call(user("u6"), "10.0.0.9").getStatus()).isEqualTo(429);
    }

    @Test
    void whileTheBucketStoreIsUnreachableRequestsGoOn() {
        RateLimits away = new RateLimits(new SecuritySettings(null, null, null, new SecuritySettings.RateLimit(4, 2, 1, 1, 0, 0, 0), null, null),
                new EhrSettings(null, null, null), (client, configuration, exact) -> {
                    throw new IllegalStateException("the database is away");
                });

        assertThat(away.take(user("u5"))).isZero();
        assertThat(away.takeAnonymous("10.0.0.8")).isZero();
        assertThat(away.blockedFor("10.0.0.8")).isZero();
    }

    private static Identity ehr(String name) {
        return new Identity("ehr:" + name, "ehr:" + name, Identity.Kind.EHR, Set.of(), Set.of("*"));
    }

    private MockHttpServletResponse hook(Identity ehr, String address) throws Exception {
        TestSecurityContextHolder.clearContext();
        TestSecurityContextHolder.setAuthentication(new IdentityAuthentication(ehr));
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/cds-services/patient-view");
        request.setRemoteAddr(address);
        MockHttpServletResponse response = new MockHttpServletResponse();
        afterAuthentication.doFilter(request, response, new MockFilterChain());
        return response;
    }

    @Test
    void eachEhrHasItsOwnConfiguredBudgetAndABurstOfOneLeavesTheOthersAndPeopleAlone() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(hook(ehr("small-ehr"), "10.0.1.1").getStatus()).isEqualTo(200);
        }
        MockHttpServletResponse limited = hook(ehr("small-ehr"), "10.0.1.1");

        assertThat(limited.getStatus()).isEqualTo(429);
        assertThat(limited.getHeader("Retry-After")).isEqualTo("1");
        assertThat(limited.getContentType()).isEqualTo("application/problem+json");
        JsonNode problem = json.readTree(limited.getContentAsString());
        assertThat(problem.path("type").asText()).isEqualTo("urn:baton:problem:rate-limited");
        assertThat(problem.path("instance").asText()).isEqualTo("/cds-services/patient-view");
        // another EHR, from the same address, has its own budget (6, more than a person's 2)
        for (int i = 0; i < 6; i++) {
            assertThat(hook(ehr("big-ehr"), "10.0.1.1").getStatus()).as("call %d of big-ehr", i + 1).isEqualTo(200);
        }
        assertThat(hook(ehr("big-ehr"), "10.0.1.1").getStatus()).isEqualTo(429);
        // people's budgets are untouched by the EHRs' calls
        assertThat(call(user("u-after-ehrs"), "10.0.1.1").getStatus()).isEqualTo(200);
    }

    @Test
    void anEhrWithoutABudgetOfItsOwnGetsTheDefaultForEhrsWhichIsTheApiKeyBudget() throws Exception {
        assertThat(limits.ehrPerSecond("ehr:plain-ehr")).isEqualTo(4);
        assertThat(limits.ehrPerSecond("ehr:demo-ehr")).isEqualTo(4);
        assertThat(limits.ehrPerSecond("ehr:small-ehr")).isEqualTo(3);
        for (int i = 0; i < 4; i++) {
            assertThat(hook(ehr("plain-ehr"), "10.0.1.2").getStatus()).isEqualTo(200);
        }

        assertThat(hook(ehr("plain-ehr"), "10.0.1.2").getStatus()).isEqualTo(429);
    }

    @Test
    void theDefaultForEhrsIsItsOwnSettingWhenSet() {
        RateLimits configured = new RateLimits(new SecuritySettings(null, null, null, new SecuritySettings.RateLimit(4, 2, 1, 1, 0, 0, 9),
                null, null), new EhrSettings(null, null, null), (client, configuration, exact) -> Bucket.builder()
                .addLimit(configuration.getBandwidths()[0]).build());

        assertThat(configured.ehrPerSecond("ehr:any-ehr")).isEqualTo(9);
    }
}
