package app.baton.review;

import app.baton.calendar.PracticeCalendars;
import app.baton.decision.RecordedDecisions;
import app.baton.decision.ReplayRecord;
import app.baton.decision.TaskDecisions;
import app.baton.engine.CompiledRules;
import app.baton.ruleset.RuleSets;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs impact analyses in the background on a small pool of its own (never on a request thread),
 * reading the sample a page at a time and writing progress every {@code progressEvery}. A progress
 * write that finds the analysis no longer RUNNING means it was cancelled: the runner stops and keeps
 * the partial report. After the recorded decisions it evaluates the open tasks as they stand now
 * ({@link OpenWork}, {@link OpenTaskEvaluator}), with the same paging, progress and cancel.
 */
@Component
class ImpactRunner {

    private static final Logger log = LoggerFactory.getLogger(ImpactRunner.class);

    /** What one analysis replays: decisions recorded in the window, newest first, at most {@code limit}. */
    record Sample(OffsetDateTime since, OffsetDateTime until, long limit) {
    }

    private final ImpactAnalyses analyses;
    private final RecordedDecisions decisions;
    private final RuleSets ruleSets;
    private final PracticeCalendars calendars;
    private final ObjectMapper json;
    private final ImpactProperties properties;
    private final OpenWork openWork;
    private final TaskDecisions taskDecisions;
    private final ExecutorService pool;

    ImpactRunner(ImpactAnalyses analyses, RecordedDecisions decisions, RuleSets ruleSets, PracticeCalendars calendars,
                 ObjectMapper json, ImpactProperties properties, OpenWork openWork, TaskDecisions taskDecisions) {
        this.openWork = openWork;
        this.taskDecisions = taskDecisions;
        this.analyses = analyses;
        this.decisions = decisions;
        this.ruleSets = ruleSets;
        this.calendars = calendars;
        this.json = json;
        this.properties = properties;
        AtomicInteger threads = new AtomicInteger();
        ClassLoader application = ImpactRunner.class.getClassLoader();
        this.pool = new ThreadPoolExecutor(properties.maxRunning(), properties.maxRunning(), 0, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), task -> {
            Thread thread = new Thread(task, "impact-analysis-" + threads.incrementAndGet());
            // KIE compiles through the context class loader; in the fat jar it must be the application's.
            thread.setContextClassLoader(application);
            thread.setDaemon(true);
            return thread;
        });
    }

    void submit(UUID id, int version, Sample sample, Runnable whenDone) {
        pool.execute(() -> {
            try {
                run(id, version, sample);
            } finally {
                whenDone.run();
            }
        });
    }

    /** Runs one analysis to its end on the calling thread. */
    void run(UUID id, int version, Sample sample) {
        try {
            CompiledRules candidate = ruleSets.compiled(version);
            long total = decisions.count(new RecordedDecisions.Window(sample.since(), sample.until()), sample.limit());
            if (!analyses.progress(id, 0, total)) {
                return;
            }
            Map<Integer, Set<String>> kept = new HashMap<>();
            ImpactTally tally = new ImpactTally(version);
            Replayer replayer = new Replayer(candidate, calendars,
                    v -> kept.computeIfAbsent(v, stored -> v == version ? candidate.inputsRead() : ruleSets.compiled(stored).inputsRead()), tally);
            long processed = replayAll(id, sample, total, replayer);
            if (processed < 0) {
                analyses.partialReport(id, -processed - 1, write(tally.report(true)));
                return;
            }
            ImpactTally openTally = new ImpactTally(version);
            long open = evaluateOpen(id, candidate, openTally);
            if (open < 0) {
                analyses.partialReport(id, processed, write(tally.report(true, openTally.openTasks())));
                return;
            }
            if (Thread.currentThread().isInterrupted()) {
                analyses.fail(id, "interrupted: Baton shut down while the analysis ran. Start a new analysis.");
                return;
            }
            if (!analyses.complete(id, processed, write(tally.report(false, openTally.openTasks())))) {
                analyses.partialReport(id, processed, write(tally.report(true, openTally.openTasks())));
                return;
            }
            log.info("impact analysis {} of rule set version {} completed: {} decisions, {} open tasks", id, version, processed, open);
        } catch (RuntimeException e) {
            log.error("impact analysis {} of rule set version {} failed", id, version, e);
            analyses.fail(id, "failed: " + e.getClass().getSimpleName() + "; quote analysis id " + id + " when you report this");
        }
    }

    /** Replays every page; returns the count replayed, or -(count + 1) when the analysis was cancelled. */
    private long replayAll(UUID id, Sample sample, long total, Replayer replayer) {
        RecordedDecisions.Window window = new RecordedDecisions.Window(sample.since(), sample.until());
        Optional<RecordedDecisions.Cursor> cursor = Optional.empty();
        long processed = 0;
        long lastWrite = System.nanoTime();
        while (processed < sample.limit() && !Thread.currentThread().isInterrupted()) {
            int size = (int) Math.min(properties.pageSize(), sample.limit() - processed);
            List<ReplayRecord> page = decisions.page(window, cursor, size);
            if (page.isEmpty()) {
                break;
            }
            page.forEach(replayer::replay);
            processed += page.size();
            cursor = Optional.of(RecordedDecisions.Cursor.after(page.get(page.size() - 1)));
            if (System.nanoTime() - lastWrite >= properties.progressEvery().toNanos()) {
                if (!analyses.progress(id, processed, Math.max(total, processed))) {
                    return -processed - 1;
                }
                lastWrite = System.nanoTime();
            }
        }
        return processed;
    }

    /**
     * Evaluates every open task, a page at a time, as of one instant; returns the count evaluated, or -(count + 1)
     * when the analysis was cancelled.
     */
    private long evaluateOpen(UUID id, CompiledRules candidate, ImpactTally openTally) {
        long total = openWork.count(null);
        if (!analyses.openProgress(id, 0, total)) {
            return -1;
        }
        OpenTaskEvaluator evaluator = new OpenTaskEvaluator(candidate, taskDecisions.current(), taskDecisions, taskDecisions.now(), openTally);
        UUID after = new UUID(0, 0);
        long processed = 0;
        long lastWrite = System.nanoTime();
        while (!Thread.currentThread().isInterrupted()) {
            List<OpenWork.OpenTask> page = openWork.page(after, properties.pageSize(), null);
            if (page.isEmpty()) {
                break;
            }
            page.forEach(evaluator::evaluate);
            processed += page.size();
            after = page.get(page.size() - 1).id();
            if (System.nanoTime() - lastWrite >= properties.progressEvery().toNanos()) {
                if (!analyses.openProgress(id, processed, Math.max(total, processed))) {
                    return -processed - 1;
                }
                lastWrite = System.nanoTime();
            }
        }
        analyses.openProgress(id, processed, Math.max(total, processed));
        return processed;
    }

    private String write(ImpactReport report) {
        try {
            return json.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an impact report", e);
        }
    }

    /** Running analyses see the interrupt, mark themselves FAILED and stop; a crash is caught by the stale sweep. */
    @PreDestroy
    void stop() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(10, TimeUnit.SECONDS);
    }
}
