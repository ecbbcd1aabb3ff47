package app.baton.review;

import app.baton.ruleset.RuleSets;
import app.baton.system.AuditActor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Semaphore;

/**
 * Starts, reads and cancels impact analyses. Starting takes one of the instance's run slots before it
 * writes anything, so a busy instance answers 503 and stores nothing; the analysis row and its audit
 * entry commit together, and only then does the analysis start in the background.
 */
@Service
@EnableConfigurationProperties(ImpactProperties.class)
public class ImpactAnalysisService {

    private static final OffsetDateTime BEGINNING = OffsetDateTime.parse("2000-01-01T00:00:00Z");

    private final ImpactAnalyses analyses;
    private final ImpactRunner runner;
    private final RuleSets ruleSets;
    private final AuditActor actors;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Semaphore slots;
    private final int maxRunning;
    private final ChangedRows changedRows;

    ImpactAnalysisService(ImpactAnalyses analyses, ImpactRunner runner, RuleSets ruleSets, AuditActor actors,
                          ApplicationEventPublisher events, PlatformTransactionManager transactions, Clock clock,
                          ImpactProperties properties, ChangedRows changedRows) {
        this.changedRows = changedRows;
        this.analyses = analyses;
        this.runner = runner;
        this.ruleSets = ruleSets;
        this.actors = actors;
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
        this.maxRunning = properties.maxRunning();
        this.slots = new Semaphore(maxRunning);
    }

    /**
     * Starts an analysis of {@code version}. The version is compiled first, on the caller's thread
     * (usually from the cache): one that does not compile, or holds code no version may hold, is
     * refused with its problems, before anything is stored or run.
     */
    public ImpactAnalysis start(int version, ImpactAnalysisRequest request) {
        request.requireOne();
        ruleSets.compiled(version);
        if (!slots.tryAcquire()) {
            throw ImpactAnalysisProblems.busy(maxRunning);
        }
        try {
            UUID id = UUID.randomUUID();
            OffsetDateTime until = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
            OffsetDateTime since = request.lastDays() != null ? until.minus(Duration.ofDays(request.lastDays())) : BEGINNING;
            long limit = request.lastDecisions() != null ? request.lastDecisions() : ImpactAnalysisRequest.MAX_DECISIONS;
            ImpactAnalysis started = tx.execute(status -> {
                analyses.insert(id, version, request.kind(), request.size(), until, actors.current().name());
                events.publishEvent(new ImpactAnalysisStarted(id, version, request.kind(), request.size()));
                return analyses.find(version, id).orElseThrow();
            });
            runner.submit(id, version, new ImpactRunner.Sample(since, until, limit), slots::release);
            return started;
        } catch (RuntimeException e) {
            slots.release();
            throw e;
        }
    }

    /** One analysis, with the rows the version changes and their CDS Hooks feedback figures as they stand now. */
    public ImpactAnalysis get(int version, String id) {
        return find(version, id).withChangedRows(changedRows.of(version));
    }

    /** One analysis as stored, without the changed rows (what a progress poll reads, once a second). */
    public ImpactAnalysis find(int version, String id) {
        ruleSets.get(version);
        return PathValues.id(id).flatMap(uuid -> analyses.find(version, uuid)).orElseThrow(ImpactAnalysisProblems::notFound);
    }

    public List<ImpactAnalysis> list(int version) {
        ruleSets.get(version);
        return analyses.list(version);
    }

    /** Marks the analysis CANCELLED; its runner, on this or another instance, stops at its next progress write. */
    public ImpactAnalysis cancel(int version, String id) {
        ImpactAnalysis analysis = find(version, id);
        return tx.execute(status -> {
            if (!analyses.cancel(analysis.id(), actors.current().name())) {
                throw ImpactAnalysisProblems.notRunning(analyses.find(version, analysis.id()).map(ImpactAnalysis::status).orElse("gone"));
            }
            events.publishEvent(new ImpactAnalysisCancelled(analysis.id(), version, analysis.progress().processed()));
            return analyses.find(version, analysis.id()).orElseThrow();
        });
    }
}
