package app.baton.audit;

import app.baton.ruleset.RuleSetActivated;
import app.baton.ruleset.RuleSetApproved;
import app.baton.ruleset.RuleSetCreated;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
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
    void on(RuleSetApproved approved) {
        trail.record(AuditEntry.of(AuditAction.RULE_SET_APPROVED, AuditCategory.RULE_SET, OBJECT_TYPE, String.valueOf(approved.version()))
                .withDetails(details("sha256", approved.sha256(), "author", approved.author(), "note", approved.note())));
    }

    @EventListener
    void on(RuleSetActivated activated) {
        AuditAction action = activated.rollback() ? AuditAction.RULE_SET_ROLLED_BACK : AuditAction.RULE_SET_ACTIVATED;
        trail.record(AuditEntry.of(action, AuditCategory.RULE_SET, OBJECT_TYPE, String.valueOf(activated.version()))
                .withDetails(details("sha256", activated.sha256(),
                        "previous", activated.previous() == null ? null : String.valueOf(activated.previous()),
                        "note", activated.note())));
    }

    /** Details without the empty ones. */
    private static Map<String, String> details(String... pairs) {
        Map<String, String> details = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            if (pairs[i + 1] != null && !pairs[i + 1].isBlank()) {
                details.put(pairs[i], pairs[i + 1]);
            }
        }
        return details;
    }
}
