package app.baton.review;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * An analysis whose instance died (a crash, a kill, a restart) would stay RUNNING forever: at start-up
 * and every minute, RUNNING analyses that have not written progress for {@code staleAfter} are marked
 * FAILED. Progress is written every second while an analysis runs, so a live one is never caught.
 */
@Component
class StaleAnalyses {

    private static final Logger log = LoggerFactory.getLogger(StaleAnalyses.class);

    private final ImpactAnalyses analyses;
    private final ImpactProperties properties;

    StaleAnalyses(ImpactAnalyses analyses, ImpactProperties properties) {
        this.analyses = analyses;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStartup() {
        sweep();
    }

    @Scheduled(fixedDelayString = "60s", initialDelayString = "60s")
    void everyMinute() {
        sweep();
    }

    int sweep() {
        int failed = analyses.failStale(properties.staleAfter());
        if (failed > 0) {
            log.warn("{} impact analyses had stopped without finishing and are now marked FAILED", failed);
        }
        return failed;
    }
}
