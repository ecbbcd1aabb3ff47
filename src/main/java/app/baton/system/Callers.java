package app.baton.system;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Captures the {@link Caller} of the current thread: the actor from {@link AuditActor}, the client's
 * address from the current HTTP request (behind a proxy, set {@code server.forward-headers-strategy}
 * so that it is the client's, not the proxy's) and the correlation id.
 */
@Component
public class Callers {

    private final AuditActor actors;

    Callers(AuditActor actors) {
        this.actors = actors;
    }

    public Caller current() {
        return current(null);
    }

    /** The caller, flagged as emergency access when it reaches this patient by breaking the glass. */
    public Caller current(String patientId) {
        boolean emergency = patientId != null && actors.emergencyAccess(patientId);
        return new Caller(actors.current(), sourceAddress(), CorrelationIdFilter.current(), emergency);
    }

    private static String sourceAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
