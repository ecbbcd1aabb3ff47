package app.baton.system;

import org.springframework.context.annotation.Fallback;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;

/** Without authentication every caller is anonymous, and work outside a request is Baton's own. */
@Component
@Fallback
class DefaultAuditActor implements AuditActor {

    @Override
    public Actor current() {
        return RequestContextHolder.getRequestAttributes() != null ? Actor.ANONYMOUS : Actor.SYSTEM;
    }
}
