package app.baton.security;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Checks a user name and password (form login and HTTP Basic) and runs the lock-out: after
 * {@code max-failures} consecutive wrong passwords the account is locked for {@code duration},
 * during which even the right password is refused; a right password resets the count. Every
 * refusal is the same 401 to the caller, so it cannot learn which names exist or are locked.
 */
@Component
class PasswordAuthenticator implements AuthenticationProvider {

    /** bcrypt reads at most 72 bytes; a longer password is refused rather than cut. */
    static final int MAX_PASSWORD_BYTES = 72;

    private final Users users;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final SecuritySettings.Lockout lockout;
    /** Compared against when the user does not exist, so that an unknown name costs the same time. */
    private final String unknownUserHash;

    private final ApplicationEventPublisher events;

    PasswordAuthenticator(Users users, PasswordEncoder encoder, Clock clock, SecuritySettings settings,
                          ApplicationEventPublisher events) {
        this.events = events;
        this.users = users;
        this.encoder = encoder;
        this.clock = clock;
        this.lockout = settings.lockout();
        this.unknownUserHash = encoder.encode("no user has this password");
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String username = attempt.getName();
        String password = String.valueOf(attempt.getCredentials());
        Instant now = clock.instant();
        Optional<UserRow> found = find(username);
        if (found.isEmpty()) {
            encoder.matches(password, unknownUserHash);
            attempted(username, LoginAttempted.Result.UNKNOWN_USER);
            throw new BadCredentialsException("bad credentials");
        }
        UserRow user = found.get();
        if (user.lockedAt(now)) {
            attempted(username, LoginAttempted.Result.LOCKED);
            throw new LockedException("locked");
        }
        if (!user.enabled()) {
            attempted(username, LoginAttempted.Result.DISABLED);
            throw new DisabledException("disabled");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES || !encoder.matches(password, user.passwordHash())) {
            users.recordFailure(user.id(), lockout.maxFailures(), now.plus(lockout.duration()));
            attempted(username, LoginAttempted.Result.WRONG_PASSWORD);
            throw new BadCredentialsException("bad credentials");
        }
        if (user.failedAttempts() > 0 || user.lockedUntil() != null) {
            users.clearFailures(user.id());
        }
        attempted(username, LoginAttempted.Result.SUCCEEDED);
        return new IdentityAuthentication(user.identity());
    }

    private void attempted(String username, LoginAttempted.Result result) {
        events.publishEvent(new LoginAttempted(username, result));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private Optional<UserRow> find(String username) {
        try {
            return users.findByUsername(username);
        } catch (DataAccessException e) {
            throw new InternalAuthenticationServiceException("the user store is not reachable", e);
        }
    }
}
