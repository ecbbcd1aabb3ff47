package app.baton.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * An authenticated {@link Identity}, whichever way it proved who it is. A user's authentication also
 * carries the account's security stamp at login, so that a session outliving a change to the account
 * can be told apart ({@link SessionStandingFilter}).
 */
final class IdentityAuthentication extends AbstractAuthenticationToken {

    /**
     * Sessions are stored serialized in PostgreSQL and read by every instance, including one of the next
     * release during a rolling upgrade: change this class only in ways Java serialization stays compatible with.
     */
    private static final long serialVersionUID = 1L;

    /** No stamp: an API key, a JWT, or a user authenticated on this request only. */
    static final long NO_STAMP = -1;

    private final Identity identity;
    private final long securityStamp;

    IdentityAuthentication(Identity identity) {
        this(identity, NO_STAMP);
    }

    IdentityAuthentication(Identity identity, long securityStamp) {
        super(identity.roles().stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList());
        this.identity = identity;
        this.securityStamp = securityStamp;
        setAuthenticated(true);
    }

    long securityStamp() {
        return securityStamp;
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
