package app.baton.ruleset;

import app.baton.engine.CompiledRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At startup: seeds version 1 from the starter pack when the database has no rule set, then
 * compiles the active version from the database. Spring reports the instance ready only after
 * this runner, so no decision is served before a rule set is active.
 */
@Component
class RuleSetLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(RuleSetLoader.class);

    private final RuleSetVersions versions;
    private final ActiveRuleSet active;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final CompiledVersions compiled;

    RuleSetLoader(RuleSetVersions versions, CompiledVersions compiled, ActiveRuleSet active, TransactionTemplate tx,
                  ApplicationEventPublisher events) {
        this.versions = versions;
        this.compiled = compiled;
        this.active = active;
        this.tx = tx;
        this.events = events;
    }

    @Override
    public void run(ApplicationArguments args) {
        seedIfEmpty();
        RuleSetVersion version = versions.active()
                .orElseThrow(() -> new IllegalStateException("the database has rule set versions but none is ACTIVE"));
        CompiledRules rules = compiled.get(version.version(), () -> versions.files(version.version()));
        log.info("rule set version {} (sha256 {}) is active", version.version(), version.sha256());
        active.swap(rules);
        events.publishEvent(new RuleSetActivated(version.version(), version.sha256(), rules.rules().size()));
    }

    private void seedIfEmpty() {
        tx.executeWithoutResult(status -> {
            versions.lockForSeeding();
            if (versions.isEmpty()) {
                RuleSetBundle starter = StarterPack.load();
                versions.insertActive(1, starter, "starter-pack", "Starter rule pack shipped with Baton");
                versions.recordEvent(1, "CREATED", "starter-pack", "seeded from the starter pack on an empty database");
                versions.recordEvent(1, "ACTIVATED", "starter-pack", "first version");
                events.publishEvent(new RuleSetCreated(1, starter.sha256(), "starter-pack"));
                log.info("seeded rule set version 1 from the starter pack ({} files, sha256 {})",
                        starter.files().size(), starter.sha256());
            }
        });
    }
}
