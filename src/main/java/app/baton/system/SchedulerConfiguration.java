package app.baton.system;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Instant;

/**
 * db-scheduler (cluster-safe tasks on PostgreSQL, table {@code scheduled_tasks}) is shared by every
 * module that declares a {@code Task} bean; its settings are under {@code db-scheduler} in
 * application.yaml. It tells time by Baton's {@link Clock}, so that a test that moves the clock moves
 * the scheduler's "now" too.
 */
@Configuration(proxyBeanMethods = false)
class SchedulerConfiguration {

    @Bean
    com.github.kagkarlsson.scheduler.Clock dbSchedulerClock(Clock clock) {
        return new com.github.kagkarlsson.scheduler.Clock() {
            @Override
            public Instant now() {
                return clock.instant();
            }
        };
    }
}
