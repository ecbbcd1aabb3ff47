package app.baton.notification;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryBackoffTests {

    private static final Duration INITIAL = Duration.ofSeconds(30);
    private static final Duration MAX = Duration.ofMinutes(10);

    @Test
    void doublesAfterEachFailureUpToTheCapWithTheLongestJitter() {
        RetryBackoff<Void> backoff = new RetryBackoff<>(INITIAL, MAX, () -> 1.0);

        assertThat(backoff.delay(0)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.delay(1)).isEqualTo(Duration.ofSeconds(60));
        assertThat(backoff.delay(4)).isEqualTo(Duration.ofSeconds(480));
        assertThat(backoff.delay(5)).isEqualTo(MAX);
        assertThat(backoff.delay(1_000)).isEqualTo(MAX);
    }

    @Test
    void jitterWaitsAtLeastHalfTheBackoff() {
        assertThat(new RetryBackoff<Void>(INITIAL, MAX, () -> 0.0).delay(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(new RetryBackoff<Void>(INITIAL, MAX, () -> 0.5).delay(2)).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void nextTryCountsFromTheFailure() {
        Instant failedAt = Instant.parse("2026-03-09T14:00:00Z");

        assertThat(new RetryBackoff<Void>(INITIAL, MAX, () -> 1.0).nextTry(failedAt, 1)).isEqualTo(failedAt.plusSeconds(60));
    }

    @Test
    void refusesABackoffThatCannotGrow() {
        assertThatThrownBy(() -> new RetryBackoff<Void>(Duration.ZERO, MAX, () -> 1.0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryBackoff<Void>(MAX, INITIAL, () -> 1.0)).isInstanceOf(IllegalArgumentException.class);
    }
}
