package app.baton.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static app.baton.engine.Bundles.problems;
import static app.baton.engine.Bundles.starterWithFile;
import static org.assertj.core.api.Assertions.assertThat;

/** Rule files (DRL) are code: a version may hold only the ones this release ships, byte for byte. */
class ShippedDrlTests {

    private static final String SLA_DRL = "rules/app/baton/engine/model/sla.drl";

    @TempDir
    Path dir;

    @Test
    void aRuleFileThatWritesAFileIsRefusedNamingTheFileAndNothingRuns() {
        Path mark = dir.resolve("written-by-a-rule");

        List<CompileProblem> problems = problems(starterWithFile(Attacks.DRL_PATH, Attacks.drlWritingFile(mark)));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(Attacks.DRL_PATH);
            assertThat(p.message()).contains("this release does not ship");
        });
        assertThat(mark).doesNotExist();
    }

    @Test
    void aRuleFileThatReadsTheEnvironmentIsRefusedNamingTheFile() {
        assertThat(problems(starterWithFile(Attacks.DRL_PATH, Attacks.drlReadingEnvironment())))
                .singleElement().satisfies(p -> assertThat(p.location()).isEqualTo(Attacks.DRL_PATH));
    }

    @Test
    void aShippedRuleFileWithOneByteChangedIsRefused() throws Exception {
        byte[] changed = (Files.readString(Path.of(SLA_DRL)) + "\n").getBytes(StandardCharsets.UTF_8);

        assertThat(problems(starterWithFile(SLA_DRL, changed))).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(SLA_DRL);
            assertThat(p.message()).contains("differs from the file this release ships");
        });
    }

    @Test
    void aShippedRuleFileUnderAnotherNameIsRefused() throws Exception {
        String copy = "rules/app/baton/engine/model/sla-copy.drl";

        assertThat(problems(starterWithFile(copy, Files.readAllBytes(Path.of(SLA_DRL)))))
                .singleElement().satisfies(p -> assertThat(p.file()).isEqualTo(copy));
    }

    @Test
    void aVersionMayLeaveAShippedRuleFileOut() {
        List<RuleFile> withoutSlaRules = StarterFiles.load().stream().filter(f -> !f.path().equals(SLA_DRL)).toList();

        try (CompiledRules rules = new RuleCompiler().compile("fewer rules", withoutSlaRules)) {
            assertThat(rules.rules()).doesNotContainKey("Medication reconciliation is due by the scheduled face-to-face visit");
        }
    }
}
