package app.baton.escalation;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The escalation sweep as a recurring db-scheduler task: one row in {@code scheduled_tasks}, which
 * every instance knows and one instance at a time picks (lock-and-fetch), so the cluster sweeps once
 * per interval; if that instance dies, its heartbeat stops and another takes the task over.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SweepProperties.class)
class SweepTasks {

    static final String SWEEP = "tracker-escalation-sweep";

    @Bean
    @ConditionalOnProperty(name = "baton.tracker.sweep.enabled", havingValue = "true", matchIfMissing = true)
    RecurringTask<Void> escalationSweepTask(EscalationSweep sweep, SweepProperties settings) {
        return Tasks.recurring(SWEEP, FixedDelay.of(settings.interval()))
                .execute((instance, context) -> sweep.runWhenReady());
    }
}
