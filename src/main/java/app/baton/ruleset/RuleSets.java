package app.baton.ruleset;

import app.baton.engine.CompiledRules;
import app.baton.engine.RuleFile;
import app.baton.scenario.ScenarioResult;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Optional;

/**
 * What other modules may ask about rule set versions: their metadata, their files and the
 * compiled version (compiled once and cached). Changing versions goes through the lifecycle.
 */
@Service
public class RuleSets {

    private final RuleSetVersions versions;
    private final CompiledVersions compiled;
    private final ScenarioResults scenarioResults;

    RuleSets(RuleSetVersions versions, CompiledVersions compiled, ScenarioResults scenarioResults) {
        this.versions = versions;
        this.compiled = compiled;
        this.scenarioResults = scenarioResults;
    }

    public Optional<RuleSetVersion> active() {
        return versions.active();
    }

    public Optional<RuleSetVersion> find(int version) {
        return versions.find(version);
    }

    public RuleSetVersion get(int version) {
        return find(version).orElseThrow(() -> new RuleSetNotFoundException(version));
    }

    public List<RuleSetVersion> all() {
        return versions.all();
    }

    /** The files of the version, byte for byte as stored. */
    public List<RuleFile> files(int version) {
        get(version);
        return versions.files(version);
    }

    /** The version compiled, from the cache when it was compiled before. */
    public CompiledRules compiled(int version) {
        get(version);
        return compiled.get(version, () -> versions.files(version));
    }

    /** Every scenario result of the version's test gate, by file and scenario number. */
    public List<ScenarioResult> scenarioResults(int version) {
        get(version);
        return scenarioResults.of(version);
    }

    /** The rules (table rows) no scenario of the version's test gate exercised. */
    public List<UnexercisedRule> unexercisedRules(int version) {
        get(version);
        return versions.unexercisedRules(version);
    }

    /** What happened to the version: created, approved, activated, retired, rolled back; oldest first. */
    public List<RuleSetEvent> history(int version) {
        get(version);
        return versions.events(version);
    }
}
