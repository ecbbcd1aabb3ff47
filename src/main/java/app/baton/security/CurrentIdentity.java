package app.baton.security;

import org.springframework.security.core.Authentication;
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

    static Identity required() {
        return find().orElseThrow(() -> new IllegalStateException("no authenticated identity on this request"));
    }
}
