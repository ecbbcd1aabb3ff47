package app.baton.security;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;

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
        authenticator = authenticator(new SecuritySettings.RateLimit(1, 1, 1, 1, 0, 0, 0));
        encoder.checks = 0;
    }

    /** Buckets in memory on a clock that stands still: a budget refills only when a test says so, never by a slow run. */
    private PasswordAuthenticator authenticator(SecuritySettings.RateLimit rateLimit) {
        SecuritySettings settings = new SecuritySettings(new SecuritySettings.Lockout(5, Duration.ofMinutes(15)), null, null,
                rateLimit, null, null);
        TimeMeter stopped = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return 0;
            }

            @Override
            public boolean isWallClockBased() {
                return false;
            }
        };
        RateLimits budgets = new RateLimits(settings, new EhrSettings(null, null, null), (client, configuration, exact) -> Bucket.builder()
                .addLimit(configuration.getBandwidths()[0]).withCustomTimePrecision(stopped).build());
        return new PasswordAuthenticator(users, encoder, Clock.fixed(NOW, ZoneOffset.UTC), settings, (ApplicationEventPublisher) events::add, budgets);
    }

    private static UsernamePasswordAuthenticationToken from(String address, String name, String password) {
        UsernamePasswordAuthenticationToken attempt = new UsernamePasswordAuthenticationToken(name, password);
        attempt.setDetails(new WebAuthenticationDetails(address, null));
        return attempt;
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

    @Test
    void attemptsBeyondTheirAddressBudgetAre429WithoutARead() {
        authenticator = authenticator(new SecuritySettings.RateLimit(1, 1, 1, 1, 2, 100, 0));

        for (int i = 0; i < 2; i++) {
            String name = "nobody-" + i;
            encoder.checks = 0;
            assertThatThrownBy(() -> authenticator.authenticate(from("203.0.113.7", name, "a guess")))
                    .isInstanceOf(AuthenticationException.class).isNotInstanceOf(PasswordChecksBusyException.class);
            assertThat(encoder.checks).isEqualTo(1);
        }
        encoder.checks = 0;
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> authenticator.authenticate(from("203.0.113.7", "later", "a guess")))
                    .isInstanceOf(PasswordChecksBusyException.class);
        }

        assertThat(encoder.checks).as("bcrypt checks for attempts beyond the budget").isZero();
        org.mockito.Mockito.verify(users, org.mockito.Mockito.never()).findByUsername("later");
        assertThat(checksFor("another-name", "a guess")).as("an attempt without a known address is still checked").isEqualTo(1);
        encoder.checks = 0;
        assertThatThrownBy(() -> authenticator.authenticate(from("203.0.113.8", "later", "a guess")))
                .as("another address has its own budget").isNotInstanceOf(PasswordChecksBusyException.class);
        assertThat(encoder.checks).isEqualTo(1);
    }

    @Test
    void attemptsAtOneNameFromManyAddressesShareTheNamesBudget() {
        UserRow known = user("nurse", true);
        when(users.takeGuess(eq(known.id()), anyInt(), any(), any())).thenReturn(Optional.of(new Users.Guess(1, 7)));
        authenticator = authenticator(new SecuritySettings.RateLimit(1, 1, 1, 1, 100, 3, 0));

        for (int i = 0; i < 3; i++) {
            int address = i;
            assertThatThrownBy(() -> authenticator.authenticate(from("198.51.100." + address, " Nurse ", "guess " + address)))
                    .isNotInstanceOf(PasswordChecksBusyException.class);
        }
        encoder.checks = 0;
        for (int i = 3; i < 10; i++) {
            int address = i;
            assertThatThrownBy(() -> authenticator.authenticate(from("198.51.100." + address, "nurse", "guess " + address)))
                    .isInstanceOf(PasswordChecksBusyException.class);
        }

        assertThat(encoder.checks).as("bcrypt checks once the name's budget is spent, from any address").isZero();
        org.mockito.Mockito.verify(users, org.mockito.Mockito.times(3)).findByUsername("nurse");
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
