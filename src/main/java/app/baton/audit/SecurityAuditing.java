package app.baton.audit;

import app.baton.security.BreakGlassGranted;
import app.baton.security.LoginAttempted;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.Map;

/** Audits logins, successful or not, and every break-the-glass grant with its stated reason (flagged as emergency access). */
@Component
class SecurityAuditing {

    private final AuditTrail trail;

    SecurityAuditing(AuditTrail trail) {
        this.trail = trail;
    }

    @EventListener
    void on(LoginAttempted login) {
        AuditEntry entry = AuditEntry.of(login.succeeded() ? AuditAction.LOGIN : AuditAction.LOGIN_FAILED,
                        AuditCategory.AUTHENTICATION, "user", login.username())
                .withOutcome(login.succeeded() ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE);
        trail.record(login.succeeded() ? entry : entry.withDetails(Map.of("reason", login.result().name())));
    }

    @EventListener
    void on(BreakGlassGranted grant) {
        trail.record(AuditEntry.of(AuditAction.BREAK_GLASS, AuditCategory.AUTHENTICATION, "break-glass-grant", grant.grantId().toString())
                .withPatient(grant.patientId())
                .withDetails(Map.of("expiresAt", grant.expiresAt().toString(), "reason", grant.reason()))
                .asEmergency());
    }
}
