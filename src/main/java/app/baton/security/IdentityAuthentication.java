package app.baton.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** An authenticated {@link Identity}, whichever way it proved who it is. */
final class IdentityAuthentication extends AbstractAuthenticationToken {

    private final Identity identity;

    IdentityAuthentication(Identity identity) {
        super(identity.roles().stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList());
        this.identity = identity;
        setAuthenticated(true);
    }

    @Override
    public Identity getPrincipal() {
        return identity;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public String getName() {
        return identity.name();
    }
}
