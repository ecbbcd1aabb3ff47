package app.baton.ruleset;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.stereotype.Component;

/**
 * Brings the active rule set version into memory (from its stored compiled form, or compiled) and warms it
 * on a thread of its own as soon as the database is migrated, while the rest of the application starts on
 * the other core: start-up to ready then waits for whichever of the two takes longer, not for both. It goes
 * through {@link ActiveVersionFollower#reconcile()}, the one path by which the served version changes, so
 * {@link RuleSetLoader} finds the version in place; whatever fails here is done again there, where a failure
 * stops the start as it always did. An empty database is seeded by {@link RuleSetLoader}, not here.
 */
@Component
class ActiveVersionPreload {

    private static final Logger log = LoggerFactory.getLogger(ActiveVersionPreload.class);

    ActiveVersionPreload(ActiveVersionFollower follower, ObjectProvider<FlywayMigrationInitializer> migrations,
                         @Value("${baton.rule-sets.preload:true}") boolean enabled) {
        if (!enabled) {
            return;
        }
        // Reading the rule set tables before Flyway migrated them would read an older schema, or none.
        migrations.ifAvailable(migrated -> { });
        Thread thread = new Thread(() -> preload(follower), "rule-set-preload");
        thread.setDaemon(true);
        thread.start();
    }

    private static void preload(ActiveVersionFollower follower) {
        try {
            follower.reconcile();
        } catch (RuntimeException e) {
            log.info("could not bring the active rule set version in ahead of start-up ({}); start-up does it", e.getClass().getSimpleName());
        }
    }
}
