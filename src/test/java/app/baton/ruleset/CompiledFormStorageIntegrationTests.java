package app.baton.ruleset;

import app.baton.engine.CompiledRules;
import app.baton.engine.RuleCompiler;
import app.baton.engine.RuleFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each compiled rule set version is stored in {@code rule_set_compiled}, and a start (here: a cache that
 * has never seen the version, as after a restart) loads it instead of compiling; a damaged form or one of
 * another build is not loaded, the version is compiled and its form stored again. None of it is a version:
 * the version's files and its events stay as they were.
 */
@SpringBootTest
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class CompiledFormStorageIntegrationTests {

    @Autowired
    RuleSetVersions versions;
    @Autowired
    ActiveRuleSet active;
    @Autowired
    CompiledForms forms;
    @Autowired
    JdbcClient jdbc;

    private final RuleCompiler compiler = new RuleCompiler();

    /** A cache as a new start has it: empty. */
    private CompiledVersions restarted() {
        return new CompiledVersions(active, forms, 4, 12_000, true);
    }

    @Test
    void theActiveVersionIsStoredCompiledAndANewStartLoadsItInsteadOfCompiling(CapturedOutput output) {
        List<RuleFile> files = versions.files(1);
        String fingerprint = compiler.fingerprint(files);
        assertThat(forms.find(1, fingerprint)).isPresent();
        long eventsBefore = count("rule_set_event");
        long versionsBefore = count("rule_set_version");

        CompiledRules loaded = restarted().get(1, () -> files);

        assertThat(output.getOut()).contains("rule set version 1 loaded from its stored compiled form");
        assertThat(loaded.version()).isEqualTo("1");
        assertThat(loaded.rules()).hasSizeGreaterThan(100);
        assertThat(versions.files(1)).isEqualTo(files);
        assertThat(count("rule_set_event")).isEqualTo(eventsBefore);
        assertThat(count("rule_set_version")).isEqualTo(versionsBefore);
    }

    @Test
    void aDamagedStoredFormIsNotLoadedTheVersionIsCompiledAndStoredAgain(CapturedOutput output) {
        List<RuleFile> files = versions.files(1);
        String fingerprint = compiler.fingerprint(files);
        assertThat(forms.find(1, fingerprint)).isPresent();
        // One byte in the middle of the stored form flipped, as a damaged disk or a careless hand would.
        jdbc.sql("""
                update rule_set_compiled
                set content = set_byte(content, length(content) / 2, get_byte(content, length(content) / 2) # 1)
                where version = 1 and fingerprint = :fingerprint
                """).param("fingerprint", fingerprint).update();

        CompiledRules compiled = restarted().get(1, () -> files);

        assertThat(output.getOut())
                .contains("the stored compiled form of rule set version 1 is not loaded: its bytes do not match their stored SHA-256")
                .contains("rule set version 1 compiled in");
        assertThat(compiled.rules()).hasSizeGreaterThan(100);
        assertThat(forms.find(1, fingerprint)).isPresent();
        // What is stored now loads again, and decides with the same rules.
        assertThat(restarted().get(1, () -> files).rules()).isEqualTo(compiled.rules());
        assertThat(output.getOut()).contains("rule set version 1 loaded from its stored compiled form");
    }

    @Test
    void aFormOfAnotherBuildIsNeitherLoadedNorKeptOnceTheVersionIsCompiledAgain(CapturedOutput output) {
        List<RuleFile> files = versions.files(1);
        String fingerprint = compiler.fingerprint(files);
        String otherBuild = "f".repeat(64);
        jdbc.sql("""
                insert into rule_set_compiled (version, fingerprint, sha256, content)
                select version, :other, sha256, content from rule_set_compiled where version = 1 and fingerprint = :fingerprint
                """).param("other", otherBuild).param("fingerprint", fingerprint).update();
        jdbc.sql("delete from rule_set_compiled where version = 1 and fingerprint = :fingerprint").param("fingerprint", fingerprint).update();

        restarted().get(1, () -> files);

        assertThat(output.getOut())
                .contains("rule set version 1 has no stored compiled form of this build (the stored one is from another build of Baton)")
                .contains("rule set version 1 compiled in");
        assertThat(jdbc.sql("select fingerprint from rule_set_compiled where version = 1").query(String.class).list())
                .containsExactly(fingerprint);
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
