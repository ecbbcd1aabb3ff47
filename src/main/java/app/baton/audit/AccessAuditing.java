package app.baton.audit;

import app.baton.ruleset.RuleSetActionRefused;
import app.baton.security.AccessRefused;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records every refusal as DENIED, by the caller who was refused: a role calling what the permission
 * matrix does not give it (a 403 before any controller), and a rule set action refused by the
 * lifecycle's own rule (the author approving their own draft). Reads of another location's patient
 * are recorded where they are refused (DecisionAuditing, TrackerAuditing).
 */
@Component
class AccessAuditing {

    /** Which data a refused path is about, by its first matching segment. */
    private static final List<Map.Entry<String, AuditCategory>> CATEGORIES = List.of(
            Map.entry("/rule-sets", AuditCategory.RULE_SET), Map.entry("/console/rules", AuditCategory.RULE_SET),
            Map.entry("/decisions", AuditCategory.DECISION), Map.entry("/intake", AuditCategory.INTAKE),
            Map.entry("/plans", AuditCategory.CARE_PLAN), Map.entry("/tasks", AuditCategory.TASK),
            Map.entry("/queues", AuditCategory.TASK), Map.entry("/console/work", AuditCategory.TASK),
            Map.entry("/dashboards", AuditCategory.TASK), Map.entry("/tracker", AuditCategory.TASK),
            Map.entry("/audit", AuditCategory.AUDIT), Map.entry("/users", AuditCategory.USER),
            Map.entry("/api-keys", AuditCategory.API_KEY), Map.entry("/webhooks", AuditCategory.WEBHOOK),
            Map.entry("/notifications", AuditCategory.WEBHOOK));

    private final AuditTrail trail;

    AccessAuditing(AuditTrail trail) {
        this.trail = trail;
    }

    @EventListener
    void on(AccessRefused refused) {
        // a refused path is whatever the caller sent: the entry holds it cut to a detail's length (AuditEntry cuts the
        // details), so that a long one is still refused, and recorded, as a 403
        Map<String, String> details = new LinkedHashMap<>();
        details.put("method", refused.method());
        details.put("path", refused.path());
        details.put("rule", refused.rule());
        trail.record(AuditEntry.of(action(refused.method()), category(refused.path()), "request", AuditEntry.clipped(refused.path()))
                .withOutcome(AuditOutcome.DENIED)
                .withDetails(details));
    }

    @EventListener
    void on(RuleSetActionRefused refused) {
        trail.record(AuditEntry.of(AuditAction.RULE_SET_APPROVED, AuditCategory.RULE_SET, "rule_set_version", String.valueOf(refused.version()))
                .withOutcome(AuditOutcome.DENIED)
                .withDetails(Map.of("action", refused.action(), "reason", refused.reason())));
    }

    static AuditCategory category(String path) {
        return CATEGORIES.stream().filter(c -> path.contains(c.getKey())).map(Map.Entry::getValue).findFirst()
                .orElse(AuditCategory.AUTHENTICATION);
    }

    private static AuditAction action(String method) {
        return switch (method) {
            case "GET", "HEAD" -> AuditAction.READ;
            case "DELETE" -> AuditAction.DELETE;
            case "PUT", "PATCH" -> AuditAction.UPDATE;
            default -> AuditAction.CREATE;
        };
    }
}
