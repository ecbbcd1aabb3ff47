package app.baton;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The clock of every test context: the system clock until a test fixes it, so tests move time
 * instead of sleeping. A test that fixes it resets it when done.
 */
public final class TestClock extends Clock {

    private static final AtomicReference<Instant> FIXED = new AtomicReference<>();

    public static void fix(Instant at) {
        FIXED.set(at);
    }

    public static void advance(Duration by) {
        FIXED.updateAndGet(at -> (at == null ? Instant.now() : at).plus(by));
    }

    public static void reset() {
        FIXED.set(null);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }

    @Override
    public Instant instant() {
        Instant fixed = FIXED.get();
        return fixed == null ? Instant.now() : fixed;
    }

    /** Replaces the application's clock in every test context. */
    @Configuration(proxyBeanMethods = false)
    static class Beans {

        @Bean
        @Primary
        Clock testClock() {
            return new TestClock();
        }
    }
}
