package app.baton.security;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * Every refusal of a password login costs exactly one password-hash check, whatever the reason, so
 * that its time does not tell an unknown, disabled or locked name from a known one (the hash check is
 * what takes the time; the database reads around it are the same few for every path).
 */
class PasswordAuthenticatorTests {

    private static final Instant NOW = Instant.parse("2026-03-09T14:00:00Z");
    private static final String HASH = "{counted}correct horse battery";

    private final Users users = mock(Users.class);
    private final CountingEncoder encoder = new CountingEncoder();
    private final List<Object> events = new ArrayList<>();
    private PasswordAuthenticator authenticator;

    @BeforeEach
    void setUp() {
        SecuritySettings settings = new SecuritySettings(new SecuritySettings.Lockout(5, Duration.ofMinutes(15)), null, null,
                new SecuritySettings.RateLimit(1, 1, 1, 1), null, null);
        authenticator = new PasswordAuthenticator(users, encoder, Clock.fixed(NOW, ZoneOffset.UTC), settings, (ApplicationEventPublisher) events::add);
        encoder.checks = 0;
    }

    private UserRow user(String name, boolean enabled) {
        UserRow row = new UserRow(UUID.randomUUID(), name, HASH, Set.of(Role.CLINICAL_STAFF), Set.of("MAIN_CLINIC"), enabled,
                0, null, NOW.minusSeconds(3600), 7);
        when(users.findByUsername(name)).thenReturn(Optional.of(row));
        when(users.findById(row.id())).thenReturn(Optional.of(row));
        return row;
    }

    private int checksFor(String name, String password) {
        encoder.checks = 0;
        assertThatThrownBy(() -> authenticator.authenticate(new UsernamePasswordAuthenticationToken(name, password)))
                .isInstanceOf(AuthenticationException.class);
        return encoder.checks;
    }

    @Test
    void anUnknownUserCostsOneCheck() {
        assertThat(checksFor("nobody", "correct horse battery")).isEqualTo(1);
    }

    @Test
    void aDisabledUserCostsOneCheck() {
        user("gone", false);
        assertThat(checksFor("gone", "correct horse battery")).isEqualTo(1);
    }

    @Test
    void aLockedUserCostsOneCheck() {
        UserRow locked = user("locked", true);
        when(users.takeGuess(eq(locked.id()), anyInt(), any(), any())).thenReturn(Optional.empty());
        assertThat(checksFor("locked", "correct horse battery")).isEqualTo(1);
    }

    @Test
    void aWrongPasswordCostsOneCheck() {
        UserRow known = user("known", true);
        when(users.takeGuess(eq(known.id()), anyInt(), any(), any())).thenReturn(Optional.of(new Users.Guess(1, 7)));
        assertThat(checksFor("known", "wrong password")).isEqualTo(1);
    }

    @Test
    void aPasswordLongerThanBcryptReadsCostsOneCheck() {
        UserRow known = user("verbose", true);
        when(users.takeGuess(eq(known.id()), anyInt(), any(), any())).thenReturn(Optional.of(new Users.Guess(1, 7)));
        assertThat(checksFor("verbose", "x".repeat(73))).isEqualTo(1);
    }

    @Test
    void theRightPasswordLogsInWithTheAccountsSecurityStamp() {
        UserRow known = user("nurse", true);
        when(users.takeGuess(eq(known.id()), anyInt(), any(), any())).thenReturn(Optional.of(new Users.Guess(1, 7)));

        var authentication = (IdentityAuthentication) authenticator.authenticate(
                new UsernamePasswordAuthenticationToken(" NURSE ", "correct horse battery"));

        assertThat(authentication.getPrincipal().name()).isEqualTo("nurse");
        assertThat(authentication.securityStamp()).isEqualTo(7);
        assertThat(encoder.checks).isEqualTo(1);
    }

    @Test
    void whileEveryCheckIsTakenAnAttemptIsRefusedUncheckedAndUnread() throws Exception {
        UserRow known = user("nurse", true);
        when(users.takeGuess(eq(known.id()), anyInt(), any(), any())).thenReturn(Optional.of(new Users.Guess(1, 7)));
        java.util.concurrent.CountDownLatch checking = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        encoder.during = () -> {
            checking.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        Thread slow = new Thread(() -> authenticator.authenticate(new UsernamePasswordAuthenticationToken("nurse", "correct horse battery")));
        slow.start();
        checking.await();

        assertThatThrownBy(() -> authenticator.authenticate(new UsernamePasswordAuthenticationToken("someone", "a guess")))
                .isInstanceOf(PasswordChecksBusyException.class);
        org.mockito.Mockito.verify(users, org.mockito.Mockito.never()).findByUsername("someone");
        assertThat(encoder.checks).isEqualTo(1);

        release.countDown();
        slow.join();
        encoder.during = () -> { };
        assertThat(checksFor("someone", "a guess")).as("the next attempt after the check ended is checked").isEqualTo(1);
    }

    /** Compares in plain text and counts the comparisons; refuses more than 72 bytes like bcrypt. */
    private static final class CountingEncoder implements PasswordEncoder {

        volatile int checks;
        volatile Runnable during = () -> { };

        @Override
        public String encode(CharSequence raw) {
            return "{counted}" + raw;
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            if (raw.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 72) {
                throw new IllegalArgumentException("password cannot be more than 72 bytes");
            }
            checks++;
            during.run();
            return encoded.equals(encode(raw));
        }
    }
}
