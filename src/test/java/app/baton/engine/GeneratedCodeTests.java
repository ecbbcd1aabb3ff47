package app.baton.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Defence in depth: even a rule file taken as shipped is refused when the classes it compiles to
 * reference what no rule may use. The check reads their bytecode; nothing of the build is loaded
 * or run.
 */
class GeneratedCodeTests {

    @TempDir
    static Path dir;

    private static List<CompileProblem> compiledAsShipped(String pattern, String action) {
        List<RuleFile> files = new ArrayList<>(StarterFiles.load());
        files.add(new RuleFile(Attacks.DRL_PATH, Attacks.drl(pattern, action)));
        return Bundles.problemsAsShipped(files);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "System.getenv(\"PATH\");|java.lang.System.getenv",
            "System.exit(1);|java.lang.System.exit",
            "System.setProperty(\"user.timezone\", \"UTC\");|java.lang.System.setProperty",
            "Runtime.getRuntime().exec(\"true\");|java.lang.Runtime",
            "new ProcessBuilder(\"true\").start();|java.lang.ProcessBuilder",
            "Thread.currentThread().interrupt();|java.lang.Thread",
            "Class.forName(\"java.lang.Runtime\");|java.lang.Class.forName",
            "$t.getClass().getClassLoader();|java.lang.Object.getClass",
            "String.class.getDeclaredMethods();|java.lang.Class.getDeclaredMethods",
            "java.lang.reflect.Array.newInstance(String.class, 1);|java.lang.reflect.Array",
            "java.lang.invoke.MethodHandles.lookup();|java.lang.invoke.MethodHandles",
            "new java.io.File(\"/tmp/x\").delete();|java.io.File",
            "java.nio.file.Files.readString(java.nio.file.Path.of(\"/etc/hostname\"));|java.nio.file.Files",
            "new java.net.URL(\"http://example.invalid/\").openStream();|java.net.URL",
            "new javax.script.ScriptEngineManager().getEngineByName(\"js\");|javax.script.ScriptEngineManager",
            "new javax.naming.InitialContext().lookup(\"ldap://example.invalid/x\");|javax.naming.InitialContext",
            "Integer.getInteger(\"server.port\");|java.lang.Integer.getInteger",
            "java.util.Locale.setDefault(java.util.Locale.GERMAN);|java.util.Locale.setDefault"})
    void aRuleThatReachesOutsideWhatRulesMayUseIsRefusedNamingWhatItUses(String action, String reference) {
        assertThat(compiledAsShipped("$t: /tasks", action)).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("(rule set)");
            assertThat(p.message()).contains(reference);
        });
    }

    @Test
    void aRuleThatWouldWriteAFileIsRefusedBeforeAnythingOfItRuns() {
        Path mark = dir.resolve("written-by-a-shipped-rule");

        assertThat(compiledAsShipped("$t: /tasks", Attacks.writeFile(mark))).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("java.nio.file.Files"));
        assertThat(mark).doesNotExist();
    }

    @Test
    void aRuleThatReachesOutsideFromItsConditionIsRefused() {
        assertThat(compiledAsShipped("$t: /tasks[ System.getenv(\"HOME\") != null ]", "$t.suggest(\"CALL_PATIENT\");"))
                .singleElement().satisfies(p -> assertThat(p.message()).contains("java.lang.System.getenv"));
    }

    @Test
    void aRuleThatUsesTextNumbersDatesAndCollectionsCompiles() {
        List<RuleFile> files = new ArrayList<>(StarterFiles.load());
        files.add(new RuleFile(Attacks.DRL_PATH, Attacks.drl("$t: /tasks[ attempts >= 0 ]",
                "java.util.List<String> words = new java.util.ArrayList<>(java.util.List.of(\"call\", \"again\"));"
                        + " $t.suggest(String.join(\"_\", words).toUpperCase() + Math.max(1, $t.getAttempts())"
                        + " + java.time.LocalDate.of(2026, 3, 9).getDayOfWeek());")));

        try (CompiledRules rules = new RuleCompiler(ShippedRules.of(files)).compile("values", files)) {
            assertThat(rules.rules()).containsKey("Uploaded code");
        }
    }
}
