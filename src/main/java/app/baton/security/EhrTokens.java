package app.baton.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies the JWT an EHR sends with every CDS Hooks call (Nimbus, as Spring Security's resource server uses it):
 * signed with an asymmetric algorithm only (RS256, RS384, ES256, ES384: never {@code none} or HMAC, whose shared
 * secret would let anyone who verifies also sign), by an issuer on the allow-list, with a key from that issuer's JWKS
 * URL (or from a {@code jku} header only when that URL is allow-listed for it), {@code aud} exactly Baton's service URL,
 * {@code exp} and {@code iat} present and in bounds, and a {@code jti} used once ({@link UsedTokenIds}).
 */
@Component
@EnableConfigurationProperties(EhrSettings.class)
class EhrTokens {

    static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.ES256, JWSAlgorithm.ES384);
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(60);
    private static final Set<String> REQUIRED = Set.of("iss", "aud", "exp", "iat", "jti");

    /** A token not accepted, and why (for the log: never the token itself). */
    static final class Refused extends Exception {
        Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    private final EhrSettings settings;
    private final Clock clock;
    private final UsedTokenIds used;
    private final Optional<DemoEhr> demo;
    private final Map<String, JWKSource<SecurityContext>> keySets = new ConcurrentHashMap<>();

    EhrTokens(EhrSettings settings, Clock clock, UsedTokenIds used, ObjectProvider<DemoEhr> demo) {
        this.settings = settings;
        this.clock = clock;
        this.used = used;
        this.demo = Optional.ofNullable(demo.getIfAvailable());
    }

    /** The EHR that signed {@code token}, once every check passed and its {@code jti} is spent. */
    Identity verify(String token) throws Refused {
        JWT parsed;
        try {
            parsed = JWTParser.parse(token);
        } catch (ParseException e) {
            throw new Refused("not a JWT");
        }
        if (!(parsed instanceof SignedJWT jwt)) {
            throw new Refused("not a signed JWT (alg none or encrypted)");
        }
        JWSHeader header = jwt.getHeader();
        if (!ALGORITHMS.contains(header.getAlgorithm())) {
            throw new Refused("algorithm " + header.getAlgorithm() + " is not accepted (RS256, RS384, ES256, ES384 only)");
        }
        String issuer;
        try {
            issuer = jwt.getJWTClaimsSet().getIssuer();
        } catch (ParseException e) {
            throw new Refused("the claims are not JSON");
        }
        EhrSettings.Ehr ehr = ehr(issuer).orElseThrow(() -> new Refused("issuer " + printable(issuer) + " is not on the allow-list"));
        JWTClaimsSet claims = process(jwt, ehr, keys(ehr, header.getJWKURL()));
        List<String> audience = claims.getAudience();
        if (!audience.equals(List.of(settings.serviceUrl()))) {
            throw new Refused("aud " + audience + " is not exactly " + settings.serviceUrl());
        }
        Instant now = clock.instant();
        Instant issuedAt = claims.getIssueTime().toInstant();
        Instant expires = claims.getExpirationTime().toInstant();
        if (issuedAt.isAfter(now.plus(CLOCK_SKEW))) {
            throw new Refused("iat is in the future");
        }
        if (Duration.between(issuedAt, expires).compareTo(settings.maxTokenLifetime()) > 0) {
            throw new Refused("the token lives longer than " + settings.maxTokenLifetime());
        }
        if (!used.firstUse(issuer, claims.getJWTID(), expires.plus(CLOCK_SKEW))) {
            throw new Refused("jti already used by " + ehr.name());
        }
        return new Identity("ehr:" + ehr.name(), "ehr:" + ehr.name(), Identity.Kind.EHR, Set.of(), ehr.locations());
    }

    private JWTClaimsSet process(SignedJWT jwt, EhrSettings.Ehr ehr, JWKSource<SecurityContext> keys) throws Refused {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keys));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(settings.serviceUrl(),
                new JWTClaimsSet.Builder().issuer(ehr.issuer()).build(), REQUIRED) {
            @Override
            protected Date currentTime() {
                return Date.from(clock.instant());
            }
        };
        claims.setMaxClockSkew((int) CLOCK_SKEW.toSeconds());
        processor.setJWTClaimsSetVerifier(claims);
        try {
            return processor.process(jwt, null);
        } catch (BadJOSEException e) {
            throw new Refused(e.getMessage());
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new Refused("the signature cannot be checked: " + e.getMessage());
        }
    }

    private Optional<EhrSettings.Ehr> ehr(String issuer) {
        if (issuer == null) {
            return Optional.empty();
        }
        Optional<EhrSettings.Ehr> demoEhr = demo.map(DemoEhr::ehr).filter(e -> e.issuer().equals(issuer));
        return demoEhr.isPresent() ? demoEhr : settings.ehrs().stream().filter(e -> issuer.equals(e.issuer())).findFirst();
    }

    private JWKSource<SecurityContext> keys(EhrSettings.Ehr ehr, URI jku) throws Refused {
        if (jku != null && !ehr.allowedJku().contains(jku.toString())) {
            throw new Refused("jku " + printable(jku.toString()) + " is not allow-listed for " + ehr.name());
        }
        if (demo.isPresent() && ehr.issuer().equals(DemoEhr.ISSUER)) {
            return demo.get().keys();
        }
        String url = jku != null ? jku.toString() : ehr.jwksUrl();
        if (url == null || url.isBlank()) {
            throw new Refused(ehr.name() + " has no JWKS URL configured");
        }
        try {
            URI.create(url).toURL();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new Refused("the JWKS URL of " + ehr.name() + " is not a URL");
        }
        return keySets.computeIfAbsent(url, u -> {
            try {
                return JWKSourceBuilder.create(URI.create(u).toURL()).retrying(true).build();
            } catch (MalformedURLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** An issuer or URL from an untrusted token, cut short and stripped of line breaks before it reaches the log. */
    private static String printable(String value) {
        if (value == null) {
            return "(none)";
        }
        String flat = value.replaceAll("[\\r\\n\\t]", "_");
        return flat.length() > 120 ? flat.substring(0, 120) + "…" : flat;
    }
}
