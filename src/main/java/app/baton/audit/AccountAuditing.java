package app.baton.audit;

import app.baton.security.ApiKeyChanged;
import app.baton.security.UserAccountChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Audits the administration of people's accounts (category USER) and of API keys (API_KEY), in the
 * transaction of the change, attributed to the administrator who made it: the roles, locations and
 * status before and after. Never a password or a key.
 */
@Component
class AccountAuditing {

    private final AuditTrail trail;

    AccountAuditing(AuditTrail trail) {
        this.trail = trail;
    }

    @EventListener
    void on(UserAccountChanged changed) {
        AuditAction action = changed.change() == UserAccountChanged.Change.CREATED ? AuditAction.CREATE : AuditAction.UPDATE;
        Map<String, String> details = new LinkedHashMap<>();
        details.put("change", changed.change().name());
        details.put("username", changed.username());
        if (changed.before() != null) {
            account(details, "Before", changed.before());
        }
        account(details, "After", changed.after());
        trail.record(AuditEntry.of(action, AuditCategory.USER, "app_user", changed.userId().toString()).withDetails(details));
    }

    @EventListener
    void on(ApiKeyChanged changed) {
        AuditAction action = changed.change() == ApiKeyChanged.Change.CREATED ? AuditAction.CREATE : AuditAction.DELETE;
        Map<String, String> details = new LinkedHashMap<>();
        details.put("change", changed.change().name());
        details.put("name", changed.name());
        details.put("prefix", changed.prefix());
        details.put("roles", joined(changed.roles()));
        details.put("locations", joined(changed.locations()));
        details.put("sourceSystems", joined(changed.sourceSystems()));
        details.put("expiresAt", changed.expiresAt() == null ? "never" : changed.expiresAt().toString());
        trail.record(AuditEntry.of(action, AuditCategory.API_KEY, "api_key", changed.keyId().toString()).withDetails(details));
    }

    private static void account(Map<String, String> details, String when, UserAccountChanged.Account account) {
        details.put("roles" + when, joined(account.roles()));
        details.put("locations" + when, joined(account.locations()));
        details.put("enabled" + when, String.valueOf(account.enabled()));
    }

    /** Sorted and comma-separated; cut to what one detail holds, saying how many were left out. */
    static String joined(Collection<?> values) {
        String all = values.stream().map(Object::toString).sorted().collect(Collectors.joining(","));
        if (all.length() <= AuditEntry.MAX_DETAIL_LENGTH) {
            return all;
        }
        StringBuilder cut = new StringBuilder();
        int kept = 0;
        for (String value : values.stream().map(Object::toString).sorted().toList()) {
            if (cut.length() + value.length() + 1 > AuditEntry.MAX_DETAIL_LENGTH - 16) {
                break;
            }
            cut.append(kept++ == 0 ? "" : ",").append(value);
        }
        return cut + ",+" + (values.size() - kept) + " more";
    }
}
