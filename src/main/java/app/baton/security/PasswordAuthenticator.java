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
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Checks a user name and password (form login and HTTP Basic) and runs the lock-out: after
 * {@code max-failures} consecutive wrong passwords the account is locked for {@code duration},
 * during which even the right password is refused; a right password resets the count. Every
 * refusal is the same 401 to the caller and costs the same one bcrypt check (an unknown, disabled
 * or locked user and a password bcrypt cannot read are checked against a stand-in hash), so that
 * neither the answer nor its time tells which names exist or are locked.
 * <p>
 * Before anything is read or checked, the attempt takes one password check from the budgets of its client
 * address and of its user name ({@link RateLimits#takePasswordCheck}, shared by every instance); with
 * either spent it is refused with {@link PasswordChecksBusyException} (429). Then at most
 * {@code password-checks-at-once} attempts are checked at once on one instance; an attempt that finds no
 * turn within two seconds is refused the same way, so a flood of attempts from many addresses and names
 * cannot take every core from decision traffic. Addresses with too many failures are refused even
 * earlier, before the attempt reaches this class ({@link BlockedAddressFilter}).
 */
@Component
class PasswordAuthenticator implements AuthenticationProvider {

    /** bcrypt reads at most 72 bytes; a longer password is refused rather than cut. */
    static final int MAX_PASSWORD_BYTES = 72;
    private static final String STAND_IN_PASSWORD = "no user has this password";
    private static final long TURN_WAIT_MILLIS = 2000;

    private final Users users;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final SecuritySettings.Lockout lockout;
    /** Checked against on every refusal that has no real hash to check, so that each costs the same time. */
    private final String standInHash;
    private final ApplicationEventPublisher events;
    private final Semaphore checks;
    private final RateLimits budgets;

    PasswordAuthenticator(Users users, PasswordEncoder encoder, Clock clock, SecuritySettings settings,
                          ApplicationEventPublisher events, RateLimits budgets) {
        this.budgets = budgets;
        this.events = events;
        this.users = users;
        this.encoder = encoder;
        this.clock = clock;
        this.lockout = settings.lockout();
        this.standInHash = encoder.encode(STAND_IN_PASSWORD);
        this.checks = new Semaphore(settings.rateLimit().passwordChecks(), true);
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String address = attempt.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
        if (budgets.takePasswordCheck(address, UserNames.normalize(attempt.getName())) > 0) {
            throw new PasswordChecksBusyException();
        }
        try {
            if (!checks.tryAcquire(TURN_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                throw new PasswordChecksBusyException();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PasswordChecksBusyException();
        }
        try {
            return check(attempt);
        } finally {
            checks.release();
        }
    }

    private Authentication check(Authentication attempt) {
        String username = UserNames.normalize(attempt.getName());
        String password = String.valueOf(attempt.getCredentials());
        Instant now = clock.instant();
        Optional<UserRow> found = store(() -> users.findByUsername(username));
        if (found.isEmpty()) {
            throw refused(username, LoginAttempted.Result.UNKNOWN_USER, new BadCredentialsException("bad credentials"));
        }
        UserRow user = found.get();
        if (!user.enabled()) {
            throw refused(username, LoginAttempted.Result.DISABLED, new DisabledException("disabled"));
        }
        // The guess is counted before its password is checked: parallel guesses cannot outrun the lock.
        Optional<Users.Guess> guess = store(() -> users.takeGuess(user.id(), lockout.maxFailures(), now, now.plus(lockout.duration())));
        if (guess.isEmpty()) {
            throw refused(username, LoginAttempted.Result.LOCKED, new LockedException("locked"));
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw refused(username, LoginAttempted.Result.WRONG_PASSWORD, new BadCredentialsException("bad credentials"));
        }
        if (!encoder.matches(password, user.passwordHash())) {
            attempted(username, LoginAttempted.Result.WRONG_PASSWORD);
            throw new BadCredentialsException("bad credentials");
        }
        // Read again after forgiving the guesses: roles, locations and stamp of one and the same row version.
        UserRow current = store(() -> {
            users.clearFailures(user.id());
            return users.findById(user.id());
        }).filter(UserRow::enabled).orElseThrow(() -> new DisabledException("disabled"));
        // A success is audited as a login only when it opens a console session (the login form's success
        // handler); an API call with HTTP Basic is audited as the action it performs, by this user.
        return new IdentityAuthentication(current.identity(), current.securityStamp());
    }

    /** A refusal without a real password to check still spends one check, then is recorded. */
    private AuthenticationException refused(String username, LoginAttempted.Result result, AuthenticationException failure) {
        encoder.matches(STAND_IN_PASSWORD, standInHash);
        attempted(username, result);
        return failure;
    }

    private void attempted(String username, LoginAttempted.Result result) {
        events.publishEvent(new LoginAttempted(username, result));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static <T> T store(Supplier<T> call) {
        try {
            return call.get();
        } catch (DataAccessException e) {
            throw new InternalAuthenticationServiceException("the user store is not reachable", e);
        }
    }
}
