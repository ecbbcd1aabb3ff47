package app.baton.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The demo (and test) accounts: one user per role with the demo password, and one INTEGRATION
 * key, given ({@code BATON_DEMO_API_KEY}) or generated and logged once. Users that exist are left
 * as they are; the key replaces the demo key of an earlier start.
 */
@Component
@ConditionalOnProperty(name = "baton.security.demo.enabled", havingValue = "true")
class DemoAccounts implements ApplicationRunner {

    private static final String KEY_NAME = "demo-integration";
    /** The intake source systems of the demo key (the walks in docs/tracker.md send them). */
    static final Set<String> SOURCE_SYSTEMS = Set.of("EHR-ADT", "REFERRALS");
    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);
    private static final Map<String, Role> USERS = new LinkedHashMap<>();
    private static final Set<String> EVERY_LOCATION = Set.of("leader", "compliance", "admin");
    private static final String STAFF_LOCATION = "MAIN_CLINIC";

    static {
        USERS.put("frontdesk", Role.FRONT_DESK);
        USERS.put("nurse", Role.CLINICAL_STAFF);
        USERS.put("coordinator", Role.CARE_COORDINATOR);
        USERS.put("billing", Role.BILLING);
        USERS.put("leader", Role.LEADERSHIP);
        USERS.put("clinlead", Role.CLINICAL_LEAD);
        USERS.put("clinlead2", Role.CLINICAL_LEAD);
        USERS.put("compliance", Role.COMPLIANCE_REVIEWER);
        USERS.put("admin", Role.ADMIN);
    }

    private final Users users;
    private final ApiKeys keys;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final SecuritySettings.Demo demo;

    DemoAccounts(Users users, ApiKeys keys, PasswordEncoder encoder, Clock clock, SecuritySettings settings) {
        this.users = users;
        this.keys = keys;
        this.encoder = encoder;
        this.clock = clock;
        this.demo = settings.demo();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (demo.password() == null || demo.password().isBlank()) {
            throw new IllegalStateException("baton.security.demo.enabled is true but BATON_DEMO_PASSWORD is empty");
        }
        USERS.forEach((username, role) -> {
            if (users.findByUsername(username).isEmpty()) {
                Set<String> locations = Set.of(EVERY_LOCATION.contains(username) ? Identity.ALL_LOCATIONS : STAFF_LOCATION);
                users.insert(username, encoder.encode(demo.password()), Set.of(role), locations);
            }
        });
        boolean generated = demo.apiKey() == null || demo.apiKey().isBlank();
        String key = generated ? ApiKeyTokens.generate() : demo.apiKey();
        String sha256 = ApiKeyTokens.sha256(key);
        keys.insertOrReinstate(new ApiKeyRow(UUID.randomUUID(), KEY_NAME, ApiKeyTokens.prefix(key), sha256, Set.of(Role.INTEGRATION),
                Set.of(Identity.ALL_LOCATIONS), SOURCE_SYSTEMS, null, "demo profile", null, null, null));
        keys.revokeOthersNamed(KEY_NAME, sha256, clock.instant());
        if (generated) {
            log.warn("demo API key for X-API-Key (shown once; set BATON_DEMO_API_KEY to choose it): {}", key);
        }
        log.info("demo accounts ready: {} with the demo password", String.join(", ", USERS.keySet()));
    }
}
