package app.baton.ruleset;

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
 * this runner, so no decision is served before a rule set is active. Later changes of the active
 * version reach this instance through {@link ActiveVersionFollower}.
 */
@Component
class RuleSetLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(RuleSetLoader.class);

    private final RuleSetVersions versions;
    private final ActiveVersionFollower follower;
    private final ActiveRuleSet active;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;

    RuleSetLoader(RuleSetVersions versions, ActiveVersionFollower follower, ActiveRuleSet active, TransactionTemplate tx,
                  ApplicationEventPublisher events) {
        this.versions = versions;
        this.follower = follower;
        this.active = active;
        this.tx = tx;
        this.events = events;
    }

    @Override
    public void run(ApplicationArguments args) {
        seedIfEmpty();
        if (versions.activeVersion().isEmpty()) {
            throw new IllegalStateException("the database has rule set versions but none is ACTIVE");
        }
        follower.reconcile();
        active.find().ifPresent(rules -> log.info("rule set version {} is active ({} rules)", rules.version(), rules.rules().size()));
    }

    private void seedIfEmpty() {
        tx.executeWithoutResult(status -> {
            versions.lockForSeeding();
            if (versions.isEmpty()) {
                RuleSetBundle starter = StarterPack.load();
                String note = "Starter rule pack shipped with Baton";
                versions.insertActive(1, starter, StarterPack.AUTHOR, note);
                versions.recordEvent(1, "CREATED", StarterPack.AUTHOR, "seeded from the starter pack on an empty database");
                versions.recordEvent(1, "ACTIVATED", StarterPack.AUTHOR, "first version");
                events.publishEvent(new RuleSetCreated(1, starter.sha256(), StarterPack.AUTHOR));
                events.publishEvent(new RuleSetActivated(1, starter.sha256(), null, false, StarterPack.AUTHOR, note));
                log.info("seeded rule set version 1 from the starter pack ({} files, sha256 {})",
                        starter.files().size(), starter.sha256());
            }
        });
    }
}
