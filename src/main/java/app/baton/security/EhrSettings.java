package app.baton.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The {@code baton.cds-hooks.*} settings the security module reads: the EHRs whose signed JWTs may call Baton's
 * CDS Hooks service, and what every such token must say.
 *
 * @param serviceUrl       Baton's CDS Hooks service URL as the EHRs call it: the exact {@code aud} of every token
 * @param maxTokenLifetime the longest {@code exp - iat} accepted (the spec asks for at most five minutes); bounds
 *                         how long a {@code jti} is remembered
 * @param ehrs             the allow-list of issuers
 */
@ConfigurationProperties("baton.cds-hooks")
record EhrSettings(String serviceUrl, Duration maxTokenLifetime, List<Ehr> ehrs) {

    EhrSettings {
        maxTokenLifetime = maxTokenLifetime == null ? Duration.ofMinutes(5) : maxTokenLifetime;
        ehrs = ehrs == null ? List.of() : List.copyOf(ehrs);
    }

    /**
     * One EHR allowed to call.
     *
     * @param name       how the audit trail names it
     * @param issuer     the exact {@code iss} of its tokens
     * @param jwksUrl    where its public keys are published
     * @param allowedJku the only {@code jku} header values its tokens may name (none: a token with {@code jku} is refused)
     * @param locations  the practice locations whose patients it may see ({@code *}: all)
     */
    record Ehr(String name, String issuer, String jwksUrl, List<String> allowedJku, Set<String> locations) {

        Ehr {
            allowedJku = allowedJku == null ? List.of() : List.copyOf(allowedJku);
            locations = locations == null ? Set.of() : Set.copyOf(locations);
        }
    }
}
