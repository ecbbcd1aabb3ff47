package app.baton.ruleset;

import app.baton.engine.CompiledRules;
import app.baton.engine.RuleFile;
import app.baton.scenario.ScenarioReport;
import com.zaxxer.hikari.HikariDataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Keeps this instance on the version the database says is active. An activation anywhere notifies
 * the {@value #CHANNEL} channel at commit; this follower LISTENs on its own connection and
 * reconciles at once. It also reconciles on every poll interval without a notification, so an
 * instance that lost its listening connection still follows within that interval. An approval
 * is notified too: every instance loads (or compiles) the approved version ahead and warms it with
 * its scenarios, as it does at start for approved versions that wait for their activation, so that
 * activating it later is only a swap everywhere. Behind a
 * connection pooler that cannot LISTEN (PgBouncer in transaction mode), turn listening off and
 * rely on the poll.
 */
@Component
class ActiveVersionFollower implements SmartLifecycle {

    static final String CHANNEL = "baton_rule_set";
    static final String ACTIVATED = "activated:";
    static final String APPROVED = "approved:";

    private static final Logger log = LoggerFactory.getLogger(ActiveVersionFollower.class);

    private final RuleSetVersions versions;
    private final CompiledVersions compiled;
    private final ActiveRuleSet active;
    private final TestGate gate;
    private final DataSource dataSource;
    private final Duration pollInterval;
    private final boolean listen;
    private volatile boolean running;
    private volatile boolean failing;
    private volatile Thread thread;
    /** Approved versions this instance loaded and warmed ahead once (by number; a few hundred at most). */
    private final Set<Integer> preparedAhead = ConcurrentHashMap.newKeySet();

    ActiveVersionFollower(RuleSetVersions versions, CompiledVersions compiled, ActiveRuleSet active, TestGate gate,
                          DataSource dataSource,
                          @Value("${baton.rule-sets.poll-interval:1s}") Duration pollInterval,
                          @Value("${baton.rule-sets.listen:true}") boolean listen) {
        this.listen = listen;
        this.versions = versions;
        this.compiled = compiled;
        this.active = active;
        this.gate = gate;
        this.dataSource = dataSource;
        this.pollInterval = pollInterval;
    }

    /**
     * Brings this instance to the active version in the database: compiles it (or takes it from the
     * cache) and swaps it in. The one path by which the served version changes after startup, so
     * activations that follow each other quickly always end on the last one. A version that was warmed
     * ahead (at its approval, or at start while approved) is swapped in at once; only one that was not
     * runs its scenarios first, here.
     */
    synchronized void reconcile() {
        Optional<Integer> wanted = versions.activeVersion();
        if (wanted.isEmpty()) {
            return;
        }
        int version = wanted.get();
        if (active.find().map(r -> r.version().equals(String.valueOf(version))).orElse(false)) {
            return;
        }
        long started = System.nanoTime();
        Supplier<List<RuleFile>> files = SingletonSupplier.of(() -> versions.files(version));
        CompiledRules rules = compiled.get(version, files);
        boolean wasWarm = compiled.isWarm(version);
        if (!wasWarm) {
            warmUp(version, rules, files.get());
        }
        active.swap(rules);
        // The line cluster-proofs.sh reads each instance's switch time from (its timestamp).
        log.info("this instance now serves rule set version {} ({} ms to switch; {})", version,
                (System.nanoTime() - started) / 1_000_000, wasWarm ? "warmed ahead" : "warmed by its scenarios first");
    }

    /**
     * Runs the version's scenarios on this compiled copy before it serves: the first evaluations of a newly
     * built or loaded version are slow while the JVM compiles its classes, and a scenario should pay that,
     * not a request. What they showed is kept with the copy ({@link CompiledVersions#recordScenarios}).
     */
    private void warmUp(int version, CompiledRules rules, List<RuleFile> files) {
        long started = System.nanoTime();
        ScenarioReport report = gate.run(rules, files);
        long failed = report.failures().size();
        if (failed > 0) {
            log.warn("rule set version {} fails {} of its scenarios on this instance", version, failed);
        }
        log.info("rule set version {} warmed up by its {} scenarios in {} ms", version, report.results().size(),
                (System.nanoTime() - started) / 1_000_000);
        compiled.recordScenarios(version, rules, files, failed == 0);
    }

    /**
     * Loads an approved version and warms it (its scenarios, once, on the copy it loaded), so that an
     * activation later only swaps it in here. Nothing is served from it until the database says it is active.
     */
    void prepare(int version) {
        preparedAhead.add(version);
        Supplier<List<RuleFile>> files = SingletonSupplier.of(() -> versions.files(version));
        CompiledRules rules = compiled.get(version, files);
        if (!compiled.isWarm(version)) {
            warmUp(version, rules, files.get());
        }
        // cluster-proofs.sh waits for this line on every instance before it activates the version.
        log.info("approved rule set version {} is {}", version, compiled.isWarm(version)
                ? "warm: an activation swaps it in at once"
                : "not kept in memory (the cache's limits); an activation loads and warms it first");
    }

    /**
     * At start, and on every poll when this instance does not listen (and so hears of no approval): the
     * approved versions that wait for their activation, newest first, as many as the cache keeps beside the
     * active version and the one it may roll back to ({@link CompiledVersions#capacity()}). Each is prepared
     * once: one the cache's rule limit dropped again is not loaded on every poll.
     */
    private void prepareApprovedVersions() {
        try {
            List<Integer> approved = versions.approvedVersions(Math.max(1, compiled.capacity() - 2));
            for (int i = approved.size() - 1; i >= 0 && running; i--) {
                if (!preparedAhead.contains(approved.get(i))) {
                    prepareQuietly(approved.get(i));
                }
            }
        } catch (RuntimeException e) {
            log.warn("could not look for approved rule set versions to warm ahead ({}); each is warmed when activated",
                    e.getClass().getSimpleName());
        }
    }

    private void prepareQuietly(int version) {
        try {
            prepare(version);
        } catch (RuntimeException e) {
            log.warn("could not warm approved rule set version {} ahead ({}); it is warmed when activated", version,
                    e.getClass().getSimpleName());
        }
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::follow, "rule-set-follower");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void follow() {
        if (!listen) {
            while (running) {
                reconcileQuietly();
                prepareApprovedVersions();
                sleep(pollInterval.toMillis());
            }
            return;
        }
        long backoff = 500;
        while (running) {
            try (Connection connection = listeningConnection()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                backoff = 500;
                PGConnection pg = connection.unwrap(PGConnection.class);
                reconcileQuietly();
                prepareApprovedVersions();
                while (running) {
                    reconcileQuietly();
                    PGNotification[] notifications = pg.getNotifications((int) pollInterval.toMillis());
                    if (notifications != null) {
                        reconcileQuietly();
                        for (PGNotification notification : notifications) {
                            prepareApproved(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                if (!failing) {
                    log.warn("rule set follower lost its database connection ({}); polling until it is back", e.getClass().getSimpleName());
                }
                reconcileQuietly();
                sleep(backoff);
                backoff = Math.min(backoff * 2, 10_000);
            }
        }
    }

    private void prepareApproved(String payload) {
        if (payload == null || !payload.startsWith(APPROVED)) {
            return;
        }
        int version;
        try {
            version = Integer.parseInt(payload.substring(APPROVED.length()));
        } catch (NumberFormatException e) {
            return;
        }
        prepareQuietly(version);
    }

    private void reconcileQuietly() {
        try {
            reconcile();
            failing = false;
        } catch (org.springframework.dao.DataAccessException e) {
            // The database is away: say so once, not every poll; requests get 503s meanwhile.
            if (!failing) {
                log.warn("cannot read the active rule set version ({}); still serving version {} until the database is back",
                        e.getClass().getSimpleName(), active.find().map(CompiledRules::version).orElse("none"));
            }
            failing = true;
        } catch (RuntimeException e) {
            log.error("could not bring this instance to the active rule set version; still serving version {}",
                    active.find().map(CompiledRules::version).orElse("none"), e);
        }
    }

    /** Its own connection, outside the pool, so listening never takes a connection from requests. */
    private Connection listeningConnection() throws SQLException {
        if (dataSource instanceof HikariDataSource hikari) {
            return DriverManager.getConnection(hikari.getJdbcUrl(), hikari.getUsername(), hikari.getPassword());
        }
        return dataSource.getConnection();
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
