package app.baton.security;

import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.Optional;

/** The identity of the current request, from Spring Security's context (other modules read who calls and where they work). */
public final class CurrentIdentity {

    private CurrentIdentity() {
    }

    public static Optional<Identity> find() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof Identity identity
                ? Optional.of(identity) : Optional.empty();
    }

    /**
     * {@code work} with the current identity, for work this request hands to a thread of its own (an applied
     * re-evaluation): there it acts, and is audited, as the caller who asked for it.
     */
    public static Runnable carried(Runnable work) {
        SecurityContext copy = SecurityContextHolder.createEmptyContext();
        copy.setAuthentication(SecurityContextHolder.getContext().getAuthentication());
        return DelegatingSecurityContextRunnable.create(work, copy);
    }

    static Identity required() {
        return find().orElseThrow(() -> new IllegalStateException("no authenticated identity on this request"));
    }
}
