package app.baton.reevaluation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Finishes applied re-evaluations whose instance died half-way (a crash, a kill -9, a restart): at start-up and every
 * minute, a RUNNING run that has not committed a page for {@link #STALE_AFTER} is taken over and applied on from its
 * stored cursor, on {@link ReEvaluationWorker}'s threads. The pages it had committed stay applied and are not applied again.
 */
@Component
class ReEvaluationResumer {

    private static final Logger log = LoggerFactory.getLogger(ReEvaluationResumer.class);
    static final Duration STALE_AFTER = Duration.ofMinutes(2);

    private final ReEvaluationRuns runs;
    private final ReEvaluations reEvaluations;
    private final ReEvaluationWorker worker;

    ReEvaluationResumer(ReEvaluationRuns runs, ReEvaluations reEvaluations, ReEvaluationWorker worker) {
        this.runs = runs;
        this.reEvaluations = reEvaluations;
        this.worker = worker;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStartup() {
        everyMinute();
    }

    @Scheduled(fixedDelayString = "60s", initialDelayString = "60s")
    void everyMinute() {
        List<UUID> stale = runs.claimStale(STALE_AFTER);
        stale.forEach(id -> worker.submit(() -> resume(id)));
    }

    /** Applies the rest of one run on the calling thread; a page that fails stops it as FAILED. */
    void resume(UUID id) {
        log.warn("re-evaluation {} had stopped half-way; applying the rest", id);
        reEvaluations.apply(id);
    }
}
