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
     * @param requestsPerSecond its own rate budget, shared by every instance and by no other EHR or client; null (or 0):
     *                   {@code baton.security.rate-limit.ehr-per-second}
     */
    record Ehr(String name, String issuer, String jwksUrl, List<String> allowedJku, Set<String> locations, Long requestsPerSecond) {

        Ehr {
            allowedJku = allowedJku == null ? List.of() : List.copyOf(allowedJku);
            locations = locations == null ? Set.of() : Set.copyOf(locations);
            if (requestsPerSecond != null && requestsPerSecond < 0) {
                throw new IllegalArgumentException("baton.cds-hooks.ehrs[" + name + "].requests-per-second: " + requestsPerSecond
                        + " is negative; leave it out for the default");
            }
        }
    }

    /** The configured budget of the EHR of this name, if it has one of its own. */
    java.util.Optional<Long> requestsPerSecond(String ehrName) {
        return ehrs.stream().filter(e -> e.name() != null && e.name().equals(ehrName))
                .map(Ehr::requestsPerSecond).filter(r -> r != null && r > 0).findFirst();
    }
}
