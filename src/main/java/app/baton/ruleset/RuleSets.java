package app.baton.ruleset;

import app.baton.engine.CompiledRules;
import app.baton.engine.RuleFile;
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

    RuleSets(RuleSetVersions versions, CompiledVersions compiled) {
        this.versions = versions;
        this.compiled = compiled;
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
}
