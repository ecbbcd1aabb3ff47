package app.baton.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/** The {@code baton.security.*} settings; application.yaml names the environment variable of each. */
@ConfigurationProperties("baton.security")
record SecuritySettings(Lockout lockout, ApiKeys apiKeys, Jwt jwt, RateLimit rateLimit, FirstAdmin firstAdmin, Demo demo) {

    /** Consecutive password failures that lock an account, and for how long. */
    record Lockout(int maxFailures, Duration duration) {
    }

    /**
     * @param cacheTtl         how long an instance trusts a key it looked up; bounds how late a
     *                         revocation made on another instance takes effect
     * @param lastUsedInterval the last-used time of a key is written at most this often
     */
    record ApiKeys(Duration cacheTtl, Duration lastUsedInterval) {
    }

    /** The external identity provider; JWT bearer tokens are accepted only when {@code issuer} is set. */
    record Jwt(String issuer, String jwkSetUri, String publicKeyLocation, String rolesClaim, String locationsClaim) {

        boolean enabled() {
            return issuer != null && !issuer.isBlank();
        }
    }

    /**
     * Requests per second, per client, and how many password (bcrypt) checks one instance runs at once:
     * 0 means half its processors, at least one, so a flood of HTTP Basic or login attempts never takes
     * every core from decision traffic. Password checks per second per client address and per user name
     * are counted in every instance's shared buckets before any check; 0 means 10. {@code ehrPerSecond} is the budget
     * of each EHR calling the CDS Hooks service that sets none of its own; 0 means the API key budget.
     */
    record RateLimit(long apiKeyPerSecond, long userPerSecond, long anonymousPerSecond, int passwordChecksAtOnce,
                     long passwordChecksPerAddress, long passwordChecksPerUser, long ehrPerSecond) {

        long ehrPerSecondByDefault() {
            return ehrPerSecond > 0 ? ehrPerSecond : apiKeyPerSecond;
        }

        long passwordChecksPerAddressPerSecond() {
            return passwordChecksPerAddress > 0 ? passwordChecksPerAddress : 10;
        }

        long passwordChecksPerUserPerSecond() {
            return passwordChecksPerUser > 0 ? passwordChecksPerUser : 10;
        }

        int passwordChecks() {
            return passwordChecksAtOnce > 0 ? passwordChecksAtOnce : Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        }
    }

    /** The administrator created at start-up when no user of that name exists: how a new installation gets its first login. */
    record FirstAdmin(String username, String password) {

        boolean requested() {
            return password != null && !password.isBlank();
        }
    }

    /** One account per role and one integration key, for trying Baton out (the demo and test profiles). */
    record Demo(boolean enabled, String password, String apiKey) {
    }
}
