package app.baton.ruleset;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/** Part of readiness: an instance without an active rule set must not get traffic. */
@Component("ruleSet")
class RuleSetReadiness implements HealthIndicator {

    private final ActiveRuleSet active;

    RuleSetReadiness(ActiveRuleSet active) {
        this.active = active;
    }

    @Override
    public Health health() {
        return active.find()
                .map(rules -> Health.up().withDetail("version", rules.version()).withDetail("rules", rules.rules().size()).build())
                .orElseGet(() -> Health.down().withDetail("reason", "no rule set is active yet").build());
    }
}
