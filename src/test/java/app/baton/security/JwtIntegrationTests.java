package app.baton.security;

import app.baton.HttpJson;
import app.baton.Requests;
import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** JWT bearer tokens of an identity provider, checked against its public key (a PEM file, no network). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class JwtIntegrationTests {

    private static final String ISSUER = "https://idp.practice.test";
    private static final KeyPair PROVIDER = rsaKeyPair();
    private static final KeyPair STRANGER = rsaKeyPair();

    @LocalServerPort
    int port;
    HttpJson http;

    @DynamicPropertySource
    static void identityProvider(DynamicPropertyRegistry properties) throws IOException {
        Path pem = Files.createTempFile("idp-public-key", ".pem");
        pem.toFile().deleteOnExit();
        Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(PROVIDER.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        properties.add("baton.security.jwt.issuer", () -> ISSUER);
        properties.add("baton.security.jwt.public-key-location", () -> pem.toUri().toString());
    }

    @BeforeEach
    void client() {
        http = new HttpJson(port).anonymous();
    }

    @Test
    void tokenOfTheProviderWithAStaffRoleDecides() {
        HttpJson nurse = http.withBearer(token(PROVIDER, ISSUER, Duration.ofMinutes(5), List.of("CLINICAL_STAFF", "SOMETHING_ELSE")));

        assertThat(nurse.post("/api/v1/decisions", Requests.workedExample()).status()).isEqualTo(200);
        JsonNode me = nurse.get("/api/v1/me").json();
        assertThat(me.path("name").asText()).isEqualTo("nurse.jackie");
        assertThat(me.path("kind").asText()).isEqualTo("JWT");
        assertThat(me.path("roles").toString()).isEqualTo("[\"CLINICAL_STAFF\"]");
        assertThat(me.path("locations").toString()).isEqualTo("[\"MAIN_CLINIC\"]");
    }

    @Test
    void tokenWithoutARoleForTheEndpointIsForbidden() {
        HttpJson.Response response = http.withBearer(token(PROVIDER, ISSUER, Duration.ofMinutes(5), List.of("BILLING")))
                .get("/api/v1/users");

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().path("type").asText()).isEqualTo("urn:baton:problem:forbidden");
    }

    @Test
    void tokenSignedWithAnotherKeyIsUnauthenticated() {
        assertUnauthenticated(token(STRANGER, ISSUER, Duration.ofMinutes(5), List.of("CLINICAL_STAFF")));
    }

    @Test
    void tokenOfAnotherIssuerIsUnauthenticated() {
        assertUnauthenticated(token(PROVIDER, "https://elsewhere.test", Duration.ofMinutes(5), List.of("CLINICAL_STAFF")));
    }

    @Test
    void expiredTokenIsUnauthenticated() {
        assertUnauthenticated(token(PROVIDER, ISSUER, Duration.ofMinutes(-5), List.of("CLINICAL_STAFF")));
    }

    @Test
    void malformedTokenIsUnauthenticated() {
        assertUnauthenticated("not.a.jwt");
    }

    private void assertUnauthenticated(String token) {
        HttpJson.Response response = http.withBearer(token).post("/api/v1/decisions", Requests.workedExample());

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("type").asText()).isEqualTo("urn:baton:problem:unauthenticated");
    }

    private static String token(KeyPair signer, String issuer, Duration validFor, List<String> roles) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject("nurse.jackie")
                .issueTime(Date.from(now.minus(Duration.ofMinutes(10))))
                .expirationTime(Date.from(now.plus(validFor)))
                .claim("roles", roles)
                .claim("locations", List.of("MAIN_CLINIC"))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        try {
            jwt.sign(new RSASSASigner(signer.getPrivate()));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
