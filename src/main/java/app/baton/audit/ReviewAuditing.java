package app.baton.audit;

import app.baton.review.ImpactAnalysisCancelled;
import app.baton.review.ImpactAnalysisStarted;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.Map;

/** Audits rule set review: who replayed recorded decisions against which version, and who stopped it. */
@Component
class ReviewAuditing {

    private static final String OBJECT_TYPE = "impact_analysis";

    private final AuditTrail trail;

    ReviewAuditing(AuditTrail trail) {
        this.trail = trail;
    }

    @EventListener
    void on(ImpactAnalysisStarted started) {
        trail.record(AuditEntry.of(AuditAction.IMPACT_ANALYSIS_STARTED, AuditCategory.RULE_SET, OBJECT_TYPE, started.analysisId().toString())
                .withDetails(Map.of("ruleSetVersion", String.valueOf(started.version()),
                        "sample", started.sampleKind() + " " + started.sampleSize())));
    }

    @EventListener
    void on(ImpactAnalysisCancelled cancelled) {
        trail.record(AuditEntry.of(AuditAction.IMPACT_ANALYSIS_CANCELLED, AuditCategory.RULE_SET, OBJECT_TYPE, cancelled.analysisId().toString())
                .withDetails(Map.of("ruleSetVersion", String.valueOf(cancelled.version()),
                        "processed", String.valueOf(cancelled.processed()))));
    }
}
