package app.baton.audit;

import app.baton.cdshooks.CardFeedbackReceived;
import app.baton.cdshooks.HookCalled;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Audits the CDS Hooks service: each hook call is a READ of the patient's care-plan work by the EHR (its decisions
 * are audited as every decision is), and each feedback a CREATE of the EHR's answers, in the transaction that stores
 * them (synchronous listeners).
 */
@Component
class CdsHooksAuditing {

    private final AuditTrail trail;

    CdsHooksAuditing(AuditTrail trail) {
        this.trail = trail;
    }

    @EventListener
    void on(HookCalled called) {
        trail.record(AuditEntry.of(AuditAction.READ, AuditCategory.TASK, "cds_hook_call", called.hookInstance())
                .withPatient(called.patientId())
                .withDetails(Map.of("service", called.service(), "decisions", String.valueOf(called.decisions()),
                        "cards", String.valueOf(called.cards()))));
    }

    @EventListener
    void on(CardFeedbackReceived feedback) {
        trail.record(AuditEntry.of(AuditAction.CREATE, AuditCategory.DECISION, "cds_feedback", feedback.service())
                .withDetails(Map.of("accepted", String.valueOf(feedback.accepted()), "overridden", String.valueOf(feedback.overridden()))));
    }
}
