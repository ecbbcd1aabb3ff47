package app.baton.security;

import org.springframework.stereotype.Component;

/**
 * The client a request comes from, as a stable key (kind and id of the user, API key or JWT
 * subject). Scopes idempotency keys, so one client can neither replay nor probe another's.
 */
@Component
public class ClientScope {

    public String current() {
        return CurrentIdentity.find()
                .map(identity -> identity.kind().name() + ":" + identity.id())
                .orElse("ANONYMOUS");
    }
}
