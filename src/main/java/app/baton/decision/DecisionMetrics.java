package app.baton.decision;

import app.baton.engine.Evaluation;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decision metrics for Prometheus: evaluation latency (histogram) per rule set version, and how
 * often each kind of decision produced a result.
 */
@Component
class DecisionMetrics {

    private final MeterRegistry registry;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    DecisionMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void evaluated(String version, long nanos, Evaluation result) {
        timers.computeIfAbsent(version, v -> Timer.builder("baton.decision.evaluation")
                .description("Time to evaluate one task against the active rule set")
                .tag("ruleSetVersion", v)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofNanos(10_000))
                .maximumExpectedValue(Duration.ofMillis(100))
                .register(registry)).record(Duration.ofNanos(nanos));
        count(version, "routing", result.routing() == null ? 0 : 1);
        count(version, "sla", result.dueAt() == null ? 0 : 1);
        count(version, "missing_info", result.missingInfo().size());
        count(version, "next_best_action", result.nextActions().size());
        count(version, "escalation", result.escalations().size());
    }

    private void count(String version, String kind, int amount) {
        if (amount == 0) {
            return;
        }
        counters.computeIfAbsent(version + "|" + kind, key -> Counter.builder("baton.decision.outcomes")
                .description("Results produced, by decision kind")
                .tag("ruleSetVersion", version)
                .tag("kind", kind)
                .register(registry)).increment(amount);
    }
}
