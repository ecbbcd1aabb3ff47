package app.baton.reevaluation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Finishes applied re-evaluations whose instance died half-way (a crash, a kill -9, a restart): at start-up and every
 * minute, a RUNNING run that has not committed a page for {@link #STALE_AFTER} is taken over and applied on from its
 * stored cursor, on a thread of its own. The pages it had committed stay applied and are not applied again.
 */
@Component
class ReEvaluationResumer {

    private static final Logger log = LoggerFactory.getLogger(ReEvaluationResumer.class);
    static final Duration STALE_AFTER = Duration.ofMinutes(2);

    private final ReEvaluationRuns runs;
    private final ReEvaluations reEvaluations;
    private final ExecutorService worker;

    ReEvaluationResumer(ReEvaluationRuns runs, ReEvaluations reEvaluations) {
        this.runs = runs;
        this.reEvaluations = reEvaluations;
        ClassLoader application = ReEvaluationResumer.class.getClassLoader();
        this.worker = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "re-evaluation-resume");
            thread.setContextClassLoader(application);
            thread.setDaemon(true);
            return thread;
        });
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStartup() {
        everyMinute();
    }

    @Scheduled(fixedDelayString = "60s", initialDelayString = "60s")
    void everyMinute() {
        List<UUID> stale = runs.claimStale(STALE_AFTER);
        stale.forEach(id -> worker.execute(() -> resume(id)));
    }

    /** Applies the rest of one run on the calling thread. */
    void resume(UUID id) {
        try {
            log.warn("re-evaluation {} had stopped half-way; applying the rest", id);
            reEvaluations.finish(id, new ArrayList<>());
        } catch (RuntimeException e) {
            log.error("re-evaluation {} could not be resumed; it is taken over again in {}", id, STALE_AFTER, e);
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
