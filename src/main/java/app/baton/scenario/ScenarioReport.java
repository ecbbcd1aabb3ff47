package app.baton.scenario;

import app.baton.engine.RuleSource;

import java.util.List;
import java.util.Map;

/**
 * Every scenario's result, plus the rules (table rows and DRL rules) that no scenario fired.
 * A rule set version is fit to go live only when {@link #clean()} holds.
 */
public record ScenarioReport(List<ScenarioResult> results, Map<String, RuleSource> unexercised) {

    public List<ScenarioResult> failures() {
        return results.stream().filter(r -> !r.passed()).toList();
    }

    public boolean clean() {
        return failures().isEmpty() && unexercised.isEmpty() && !results.isEmpty();
    }

    /** A plain-text summary a clinical lead can read in a build log. */
    public String summary() {
        StringBuilder out = new StringBuilder();
        out.append(results.size()).append(" scenarios, ").append(failures().size()).append(" failed, ")
                .append(unexercised.size()).append(" rules not exercised\n");
        failures().forEach(f -> out.append("FAILED ").append(f.name()).append("\n")
                .append(String.join("\n", f.failures().stream().map(m -> "    " + m).toList())).append('\n'));
        unexercised.forEach((rule, source) -> out.append("NOT EXERCISED ").append(rule).append(" at ")
                .append(source.describe()).append('\n'));
        return out.toString();
    }
}
