package app.baton.security;

import app.baton.WebIntegrationTest;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The EHR token over HTTP, on every CDS Hooks path: each refusal is a 401 problem with its reason in the log and never
 * the token; a replayed jti is refused by PostgreSQL, and the accepted token reaches discovery.
 */
@ExtendWith(OutputCaptureExtension.class)
class EhrTokenIntegrationTests extends WebIntegrationTest {

    @Autowired
    DemoEhr demo;
    @Value("${baton.cds-hooks.service-url}")
    String serviceUrl;

    private JWTClaimsSet.Builder claims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(DemoEhr.ISSUER).subject("client").audience(serviceUrl).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(240))).jwtID(UUID.randomUUID().toString());
    }

    private int discovery(String token) {
        return http.withBearer(token).get("/cds-services").status();
    }

    private static void refusedWithReasonLogged(int status, CapturedOutput log, String token, String reason) {
        assertThat(status).isEqualTo(401);
        assertThat(log.getOut() + log.getErr()).contains("CDS Hooks call refused: ").contains(reason).doesNotContain(token);
    }

    @Test
    void aDemoEhrTokenIsGoodForOneCallOnly(CapturedOutput log) {
        String token = demo.token();

        assertThat(discovery(token)).isEqualTo(200);
        refusedWithReasonLogged(discovery(token), log, token, "jti already used");
    }

    @Test
    void refusesAlgNone(CapturedOutput log) {
        String token = new PlainJWT(new PlainHeader(), claims().build()).serialize();
        refusedWithReasonLogged(discovery(token), log, token, "alg none");
    }

    @Test
    void refusesHs256(CapturedOutput log) throws Exception {
        SignedJWT hs = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims().build());
        hs.sign(new MACSigner("a-shared-secret-that-is-long-enough-for-hs256!!"));
        refusedWithReasonLogged(discovery(hs.serialize()), log, hs.serialize(), "HS256 is not accepted");
    }

    @Test
    void refusesAWrongAudience(CapturedOutput log) {
        String token = demo.sign(claims().audience("https://another-service.example.org/cds-services").build());
        refusedWithReasonLogged(discovery(token), log, token, "aud");
    }

    @Test
    void refusesAnExpiredToken(CapturedOutput log) {
        Instant past = Instant.now().minusSeconds(900);
        String token = demo.sign(claims().issueTime(Date.from(past)).expirationTime(Date.from(past.plusSeconds(240))).build());
        refusedWithReasonLogged(discovery(token), log, token, "xpired");
    }

    @Test
    void refusesAnUnknownIssuer(CapturedOutput log) {
        String token = demo.sign(claims().issuer("https://unknown-ehr.example.org").build());
        refusedWithReasonLogged(discovery(token), log, token, "not on the allow-list");
    }

    @Test
    void refusesEveryCdsHooksPathWithoutAToken() {
        assertThat(http.post("/cds-services/patient-view", "{}").status()).isEqualTo(401);
        assertThat(http.post("/cds-services/patient-view/feedback", "{}").status()).isEqualTo(401);
        assertThat(http.asUser("admin").get("/cds-services").status()).isEqualTo(401);
        assertThat(http.anonymous().get("/cds-services").json().path("type").asText()).isEqualTo("urn:baton:problem:unauthenticated");
    }

    @Test
    void anEhrTokenOpensNothingButTheCdsHooksPaths() {
        assertThat(http.withBearer(demo.token()).get("/api/v1/me").status()).isEqualTo(401);
    }
}
