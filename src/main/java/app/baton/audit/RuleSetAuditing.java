package app.baton.audit;

import app.baton.ruleset.RuleSetActivated;
import app.baton.ruleset.RuleSetCreated;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.Map;

/** Audits rule set events: a version stored, a version making the decisions of an instance. */
@Component
class RuleSetAuditing {

    private static final String OBJECT_TYPE = "rule_set_version";

    private final AuditTrail trail;

    RuleSetAuditing(AuditTrail trail) {
        this.trail = trail;
    }

    @EventListener
    void on(RuleSetCreated created) {
        trail.record(AuditEntry.of(AuditAction.RULE_SET_CREATED, AuditCategory.RULE_SET, OBJECT_TYPE, String.valueOf(created.version()))
                .withDetails(Map.of("sha256", created.sha256(), "author", created.author())));
    }

    @EventListener
    void on(RuleSetActivated activated) {
        trail.record(AuditEntry.of(AuditAction.RULE_SET_ACTIVATED, AuditCategory.RULE_SET, OBJECT_TYPE, String.valueOf(activated.version()))
                .withDetails(Map.of("sha256", activated.sha256(), "rules", String.valueOf(activated.rules()))));
    }
}
