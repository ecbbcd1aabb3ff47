package app.baton.audit;

import app.baton.decision.DecisionRead;
import app.baton.decision.DecisionReadDenied;
import app.baton.decision.DecisionsRecorded;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Audits decisions: each stored decision is a CREATE, in the recorder's transaction (synchronous
 * listener), and each read of a stored decision is a READ naming the patient.
 */
@Component
class DecisionAuditing {

    private static final String OBJECT_TYPE = "decision";

    private final AuditTrail trail;

    DecisionAuditing(AuditTrail trail) {
        this.trail = trail;
    }

    @EventListener
    void on(DecisionsRecorded recorded) {
        trail.recordAll(recorded.decisions().stream()
                .map(d -> AuditEntry.of(AuditAction.CREATE, AuditCategory.DECISION, OBJECT_TYPE, d.decisionId().toString())
                        .withPatient(d.patientId())
                        .withDetails(task(d.taskId()))
                        .by(d.caller()))
                .toList());
    }

    @EventListener
    void on(DecisionRead read) {
        Map<String, String> details = new java.util.LinkedHashMap<>(task(read.taskId()));
        if (read.replay()) {
            details.put("replay", "true");
        }
        trail.record(AuditEntry.of(AuditAction.READ, AuditCategory.DECISION, OBJECT_TYPE, read.decisionId().toString())
                .withPatient(read.patientId())
                .withDetails(details));
    }

    @EventListener
    void on(DecisionReadDenied denied) {
        trail.record(AuditEntry.of(AuditAction.READ, AuditCategory.DECISION, OBJECT_TYPE, denied.decisionId().toString())
                .withPatient(denied.patientId())
                .withOutcome(AuditOutcome.DENIED));
    }

    private static Map<String, String> task(String taskId) {
        return taskId == null ? Map.of() : Map.of("taskId", taskId);
    }
}
