package app.baton.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The EHR token checks without Spring: keys published at a JWKS URL (served here by the JDK's HTTP server), every
 * refusal the CDS Hooks security section asks for, and the algorithms accepted. The replay check against
 * PostgreSQL and the 401s over HTTP are in {@link EhrTokenIntegrationTests}.
 */
class EhrTokensTests {

    static final String SERVICE = "https://baton.example.org/cds-services";
    static final String ISSUER = "https://ehr.example.org";
    static final Instant NOW = Instant.parse("2026-03-09T14:00:00Z");

    HttpServer jwks;
    RSAKey rsa;
    ECKey ec384;
    EhrTokens tokens;
    final Set<String> spent = new HashSet<>();

    @BeforeEach
    void ehrPublishesItsKeys() throws Exception {
        rsa = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        ec384 = new ECKeyGenerator(Curve.P_384).keyID("ec-1").generate();
        byte[] published = new JWKSet(List.of(rsa.toPublicJWK(), ec384.toPublicJWK())).toString().getBytes(StandardCharsets.UTF_8);
        jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        jwks.createContext("/jwks.json", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, published.length);
            exchange.getResponseBody().write(published);
            exchange.close();
        });
        jwks.start();
        String url = "http://127.0.0.1:" + jwks.getAddress().getPort() + "/jwks.json";
        EhrSettings settings = new EhrSettings(SERVICE, Duration.ofMinutes(5), List.of(
                new EhrSettings.Ehr("main-ehr", ISSUER, url, List.of(url), Set.of("MAIN_CLINIC"), null)));
        UsedTokenIds used = new UsedTokenIds(null, Clock.fixed(NOW, ZoneOffset.UTC)) {
            @Override
            boolean firstUse(String issuer, String jti, Instant expiresAt) {
                return spent.add(issuer + "|" + jti);
            }
        };
        tokens = new EhrTokens(settings, Clock.fixed(NOW, ZoneOffset.UTC), used,
                new StaticListableBeanFactory().getBeanProvider(DemoEhr.class));
    }

    @AfterEach
    void stop() {
        jwks.stop(0);
    }

    static JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder().issuer(ISSUER).subject("client").audience(SERVICE).issueTime(Date.from(NOW))
                .expirationTime(Date.from(NOW.plusSeconds(300))).jwtID(UUID.randomUUID().toString());
    }

    String rs(JWSAlgorithm alg, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).keyID("rsa-1").build(), claims);
        jwt.sign(new RSASSASigner(rsa));
        return jwt.serialize();
    }

    String es384(UnaryOperator<JWSHeader.Builder> header, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(header.apply(new JWSHeader.Builder(JWSAlgorithm.ES384).keyID("ec-1")).build(), claims);
        jwt.sign(new ECDSASigner(ec384));
        return jwt.serialize();
    }

    @Test
    void acceptsRs256Rs384AndEs384FromTheIssuersPublishedKeys() throws Exception {
        Identity ehr = tokens.verify(rs(JWSAlgorithm.RS256, claims().build()));
        assertThat(ehr.kind()).isEqualTo(Identity.Kind.EHR);
        assertThat(ehr.name()).isEqualTo("ehr:main-ehr");
        assertThat(ehr.locations()).containsExactly("MAIN_CLINIC");
        assertThat(ehr.roles()).isEmpty();
        assertThat(tokens.verify(rs(JWSAlgorithm.RS384, claims().build())).name()).isEqualTo("ehr:main-ehr");
        assertThat(tokens.verify(es384(h -> h, claims().build())).name()).isEqualTo("ehr:main-ehr");
    }

    @Test
    void refusesAnUnsignedToken() {
        String none = new PlainJWT(new PlainHeader(), claims().build()).serialize();
        assertThatThrownBy(() -> tokens.verify(none)).isInstanceOf(EhrTokens.Refused.class).hasMessageContaining("alg none");
    }

    @Test
    void refusesHmacEvenWithTheRightClaims() throws Exception {
        SignedJWT hs = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims().build());
        hs.sign(new MACSigner("a-shared-secret-that-is-long-enough-for-hs256!!")); // 48 bytes
        assertThatThrownBy(() -> tokens.verify(hs.serialize())).isInstanceOf(EhrTokens.Refused.class)
                .hasMessageContaining("HS256 is not accepted");
    }

    @Test
    void refusesAnAudienceThatIsNotExactlyBatonsServiceUrl() throws Exception {
        assertThatThrownBy(() -> tokens.verify(rs(JWSAlgorithm.RS256, claims().audience("https://other.example.org/cds-services").build())))
                .isInstanceOf(EhrTokens.Refused.class);
        assertThatThrownBy(() -> tokens.verify(rs(JWSAlgorithm.RS256, claims().audience(List.of(SERVICE, "https://other.example.org")).build())))
                .isInstanceOf(EhrTokens.Refused.class).hasMessageContaining("not exactly");
        assertThatThrownBy(() -> tokens.verify(rs(JWSAlgorithm.RS256, claims().audience(SERVICE + "/").build())))
                .isInstanceOf(EhrTokens.Refused.class);
    }

    @Test
    void refusesAnExpiredToken() throws Exception {
        JWTClaimsSet expired = claims().issueTime(Date.from(NOW.minusSeconds(600))).expirationTime(Date.from(NOW.minusSeconds(300))).build();
        assertThatThrownBy(() -> tokens.verify(rs(JWSAlgorithm.RS256, expired))).isInstanceOf(EhrTokens.Refused.class)
                .hasMessageContaining("xpired");
    }

    @Test
    void refusesAReplayedJti() throws Exception {
        String token = rs(JWSAlgorithm.RS256, claims().build());
        tokens.verify(token);
        assertThatThrownBy(() -> tokens.verify(token)).isInstanceOf(EhrTokens.Refused.class).hasMessageContaining("jti already used");
    }

    @Test
    void refusesAnIssuerNotOnTheAllowList() throws Exception {
        assertThatThrownBy(() -> tokens.verify(rs(JWSAlgorithm.RS256, claims().issuer("https://stranger.example.org").build())))
                .isInstanceOf(EhrTokens.Refused.class).hasMessageContaining("not on the allow-list");
    }

    @Test
    void refusesMissingClaimsATooLongLifeAndAFutureIat() throws Exception {
        assertThatThrownBy(() -> tokens.verify(rs(JWSAlgorithm.RS256, claims().jwtID(null).build()))).isInstanceOf(EhrTokens.Refused.class);
        assertThatThrownBy(() -> tokens.verify(rs(JWSAlgorithm.RS256, claims().expirationTime(Date.from(NOW.plusSeconds(3600))).build())))
                .isInstanceOf(EhrTokens.Refused.class).hasMessageContaining("lives longer");
        assertThatThrownBy(() -> tokens.verify(rs(JWSAlgorithm.RS256, claims().issueTime(Date.from(NOW.plusSeconds(200))).build())))
                .isInstanceOf(EhrTokens.Refused.class).hasMessageContaining("future");
    }

    @Test
    void refusesASignatureByAnotherKeyAndAJkuNotAllowListed() throws Exception {
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa-1").build(), claims().build());
        forged.sign(new RSASSASigner(stranger));
        assertThatThrownBy(() -> tokens.verify(forged.serialize())).isInstanceOf(EhrTokens.Refused.class);

        String elsewhere = es384(h -> h.jwkURL(URI.create("https://attacker.example.org/jwks.json")), claims().build());
        assertThatThrownBy(() -> tokens.verify(elsewhere)).isInstanceOf(EhrTokens.Refused.class).hasMessageContaining("jku");
        String allowed = es384(h -> h.jwkURL(URI.create("http://127.0.0.1:" + jwks.getAddress().getPort() + "/jwks.json")), claims().build());
        assertThat(tokens.verify(allowed).name()).isEqualTo("ehr:main-ehr");
    }
}
