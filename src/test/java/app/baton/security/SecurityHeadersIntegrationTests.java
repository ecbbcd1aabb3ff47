package app.baton.security;

import app.baton.HttpJson;
import app.baton.WebIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Browsers get headers that stop sniffing, framing, caching, referrers and foreign content. */
class SecurityHeadersIntegrationTests extends WebIntegrationTest {

    @Test
    void apiAnswersCarryAStrictContentSecurityPolicyAndTheDefaults() {
        HttpJson.Response response = http.get("/api/v1/me");

        assertThat(response.header("Content-Security-Policy")).isEqualTo(SecurityHeaders.STRICT_POLICY);
        assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.header("Cache-Control")).contains("no-store");
    }

    @Test
    void problemsCarryThemToo() {
        HttpJson.Response response = http.anonymous().get("/api/v1/me");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("Content-Security-Policy")).isEqualTo(SecurityHeaders.STRICT_POLICY);
    }

    @Test
    void swaggerUiGetsThePolicyItNeedsToRun() {
        HttpJson.Response response = http.anonymous().get("/swagger-ui/index.html");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Security-Policy")).isEqualTo(SecurityHeaders.SWAGGER_POLICY);
    }
}
