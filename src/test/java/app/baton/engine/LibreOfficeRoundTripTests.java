package app.baton.engine;

import app.baton.calendar.PracticeCalendars;
import app.baton.engine.internal.TableTranslator;
import app.baton.scenario.ScenarioReport;
import app.baton.scenario.ScenarioRunner;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Tables saved by LibreOffice Calc compile to the same rules and decide the same. The committed
 * fixtures under src/test/resources/app/baton/engine/libreoffice are the starter tables converted
 * by LibreOffice 7.4 ({@code soffice --headless --convert-to xlsx}); the live tests run soffice
 * itself when it is installed.
 */
class LibreOfficeRoundTripTests {

    private static byte[] fixture(String table) {
        try (InputStream in = LibreOfficeRoundTripTests.class.getResourceAsStream("libreoffice/" + table)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String drl(RuleFile file) {
        List<CompileProblem> problems = new ArrayList<>();
        String drl = String.join("\n", TableTranslator.translate(file.path(), file.content(), problems).stream().map(t -> t.drl()).toList());
        assertThat(problems).isEmpty();
        return drl;
    }

    private static List<RuleFile> savedByLibreOffice() {
        return StarterFiles.load().stream().map(f -> f.isDecisionTable()
                ? new RuleFile(f.path(), fixture(f.path().substring(f.path().lastIndexOf('/') + 1))) : f).toList();
    }

    @Test
    void everyStarterTableSavedByLibreOfficeRendersTheSameRules() {
        List<RuleFile> original = StarterFiles.load().stream().filter(RuleFile::isDecisionTable).toList();
        List<RuleFile> saved = savedByLibreOffice().stream().filter(RuleFile::isDecisionTable).toList();

        assertThat(saved).hasSize(7);
        for (int i = 0; i < original.size(); i++) {
            assertThat(saved.get(i).content()).isNotEqualTo(original.get(i).content());
            assertThat(drl(saved.get(i))).as(saved.get(i).path()).isEqualTo(drl(original.get(i)));
        }
    }

    @Test
    void starterPackSavedByLibreOfficePassesEveryScenarioWithEveryRowExercised() {
        List<RuleFile> files = savedByLibreOffice();
        try (CompiledRules rules = new RuleCompiler().compile("libreoffice", files)) {
            ScenarioReport report = new ScenarioRunner(PracticeCalendars.withDefaults()).run(rules, files);

            assertThat(report.clean()).as(report.summary()).isTrue();
        }
    }

    @Test
    void liveRoundTripThroughLibreOfficeKeepsTheRules() {
        assumeTrue(LibreOffice.available(), "soffice is not on the PATH");
        RuleFile routing = StarterFiles.load().stream().filter(f -> f.path().equals(Bundles.ROUTING)).findFirst().orElseThrow();

        RuleFile saved = new RuleFile(routing.path(), LibreOffice.roundTrip(routing.content()));

        assertThat(drl(saved)).isEqualTo(drl(routing));
    }

    @Test
    void rowChangedThroughLibreOfficeDecidesTheNewWay() {
        assumeTrue(LibreOffice.available(), "soffice is not on the PATH");
        List<RuleFile> files = new ArrayList<>(StarterFiles.load());
        int at = files.indexOf(files.stream().filter(f -> f.path().equals(Bundles.ROUTING)).findFirst().orElseThrow());
        files.set(at, new RuleFile(Bundles.ROUTING, LibreOffice.setCell(files.get(at).content(), "G28", "NURSING")));

        try (CompiledRules rules = new RuleCompiler().compile("changed", files)) {
            Evaluation result = rules.evaluate(RuleCompilerTests.apiExample(), ZonedDateTime.parse("2026-03-09T10:15:00-04:00"),
                    PracticeCalendars.withDefaults().calendar("America/New_York", "US_FEDERAL"));

            assertThat(result.routing().queue()).isEqualTo("NURSING");
            assertThat(rules.source(result.routing().rule()).orElseThrow().describe()).isEqualTo(Bundles.ROUTING + "#Routing!row 28");
        }
    }
}
