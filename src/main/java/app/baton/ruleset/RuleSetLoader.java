package app.baton.ruleset;

import app.baton.engine.CompiledRules;
import app.baton.engine.RuleCompiler;
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
    private final RuleCompiler compiler = new RuleCompiler();

    RuleSetLoader(RuleSetVersions versions, ActiveRuleSet active, TransactionTemplate tx, ApplicationEventPublisher events) {
        this.versions = versions;
        this.active = active;
        this.tx = tx;
        this.events = events;
    }

    @Override
    public void run(ApplicationArguments args) {
        seedIfEmpty();
        RuleSetVersion version = versions.active()
                .orElseThrow(() -> new IllegalStateException("the database has rule set versions but none is ACTIVE"));
        long started = System.nanoTime();
        CompiledRules rules = compiler.compile(String.valueOf(version.version()), versions.files(version.version()));
        log.info("rule set version {} ({} rules, sha256 {}) compiled in {} ms", version.version(), rules.rules().size(),
                version.sha256(), (System.nanoTime() - started) / 1_000_000);
        active.swap(rules).ifPresent(CompiledRules::close);
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
