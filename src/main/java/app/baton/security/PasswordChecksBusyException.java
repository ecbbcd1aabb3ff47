package app.baton.security;

import org.springframework.security.core.AuthenticationException;

/**
 * Every password check of this instance is taken, or the attempt's address or user name has spent its budget of
 * checks: the attempt was not checked at all (429, try again in a second).
 */
final class PasswordChecksBusyException extends AuthenticationException {

    PasswordChecksBusyException() {
        super("too many password checks at once");
    }
}
