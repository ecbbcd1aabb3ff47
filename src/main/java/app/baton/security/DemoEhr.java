package app.baton.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The demo EHR, only with the demo accounts ({@code baton.security.demo.enabled}: the demo and test profiles): an
 * issuer whose ES256 key pair is made at start, in memory, and never leaves the process, so the CDS Hooks calls of
 * docs/cds-hooks.md can run. Outside those profiles this bean does not exist and its issuer is unknown.
 */
@Component
@ConditionalOnProperty(name = "baton.security.demo.enabled", havingValue = "true")
class DemoEhr {

    static final String ISSUER = "https://demo-ehr.baton.invalid";
    static final Duration LIFETIME = Duration.ofMinutes(5);

    private final ECKey key;
    private final EhrSettings settings;
    private final Clock clock;

    DemoEhr(EhrSettings settings, Clock clock) throws JOSEException {
        this.settings = settings;
        this.clock = clock;
        this.key = new ECKeyGenerator(Curve.P_256).keyID(UUID.randomUUID().toString()).generate();
    }

    EhrSettings.Ehr ehr() {
        return new EhrSettings.Ehr("demo-ehr", ISSUER, null, List.of(), Set.of(Identity.ALL_LOCATIONS), null);
    }

    JWKSource<SecurityContext> keys() {
        return new ImmutableJWKSet<>(new JWKSet(key.toPublicJWK()));
    }

    /** A token as an EHR sends it: for Baton's service URL, five minutes, a new jti. */
    String token() {
        Instant now = clock.instant();
        return sign(new JWTClaimsSet.Builder().issuer(ISSUER).subject("demo-ehr-client").audience(settings.serviceUrl())
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(LIFETIME))).jwtID(UUID.randomUUID().toString()).build());
    }

    /** Signs any claims with the demo key (the tests make tokens that must be refused). */
    String sign(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new ECDSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a demo EHR token", e);
        }
    }
}
