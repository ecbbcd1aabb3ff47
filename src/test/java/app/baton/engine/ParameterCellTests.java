package app.baton.engine;

import app.baton.calendar.PracticeCalendars;
import app.baton.engine.model.TaskType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import static app.baton.engine.Bundles.ESCALATION;
import static app.baton.engine.Bundles.NEXT_ACTION;
import static app.baton.engine.Bundles.ROUTING;
import static app.baton.engine.Bundles.SLA;
import static app.baton.engine.Bundles.problems;
import static app.baton.engine.Bundles.starterWith;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A value in a rule row is checked by its column's type (code, whole number, due term, plain text)
 * and reaches the generated code only inside the literal its template gives it: a value that tries
 * to close that literal and add a statement is refused on its cell.
 */
class ParameterCellTests {

    @TempDir
    static Path dir;

    static Stream<Arguments> promptsThatTryToCloseTheirString() {
        return Stream.of(
                Arguments.of("a plain quote", (Function<Path, String>) Attacks::closingQuote),
                Arguments.of("a Java unicode escape", (Function<Path, String>) Attacks::unicodeQuote),
                Arguments.of("a backslash before the quote", (Function<Path, String>) Attacks::backslashBeforeQuote),
                Arguments.of("a line break", (Function<Path, String>) Attacks::lineBreak));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("promptsThatTryToCloseTheirString")
    void promptThatTriesToCloseItsStringIsRefusedNamingTheCell(String attack, Function<Path, String> prompt) {
        Path mark = dir.resolve("prompt-" + attack.replace(' ', '-'));

        List<CompileProblem> problems = problems(starterWith(NEXT_ACTION,
                wb -> Workbooks.cell(wb, Attacks.PROMPT_CELL).setCellValue(prompt.apply(mark))));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo(NEXT_ACTION + "#NextBestAction!" + Attacks.PROMPT_CELL);
            assertThat(p.message()).contains("double quotes").contains("backslashes").contains("line breaks");
        });
        assertThat(mark).doesNotExist();
    }

    @Test
    void promptWithTypographicQuotesAndApostrophesReachesTheTaskWordForWord() {
        String prompt = "Call the patient’s “best” number; ask: 'any new meds?' (50% co-pay) $param {x}";
        List<RuleFile> files = starterWith(NEXT_ACTION, wb -> Workbooks.cell(wb, Attacks.PROMPT_CELL).setCellValue(prompt));

        try (CompiledRules rules = new RuleCompiler().compile("prompt", files)) {
            Evaluation result = rules.evaluate(RuleCompilerTests.apiExample(TaskType.TCM_INTERACTIVE_CONTACT),
                    ZonedDateTime.parse("2026-03-09T10:15:00-04:00"), PracticeCalendars.withDefaults().calendar(null, null));

            assertThat(result.nextActions()).singleElement().satisfies(a -> assertThat(a.prompt()).isEqualTo(prompt));
        }
    }

    @Test
    void conditionTextWithAQuoteIsRefusedNamingTheCell() {
        assertThat(problems(starterWith(ROUTING, wb -> Workbooks.cell(wb, "C11").setCellValue("MAIN\" || true || \""))))
                .singleElement().satisfies(p -> assertThat(p.location()).isEqualTo(ROUTING + "#Routing!C11"));
    }

    @Test
    void numberCellThatIsNotANumberIsRefusedNamingTheCell() {
        assertThat(problems(starterWith(ESCALATION, wb -> Workbooks.cell(wb, "K11").setCellValue("1); System.exit(0); (1"))))
                .singleElement().satisfies(p -> assertThat(p.location()).isEqualTo(ESCALATION + "#Escalation!K11"));
    }

    @Test
    void dueTermWithCodeAfterItIsRefusedNamingTheCell() {
        assertThat(problems(starterWith(SLA, wb -> Workbooks.cell(wb, "G11")
                .setCellValue("2 business days after discharge\")); System.exit(0); dueDates.add($t.due(\""))))
                .singleElement().satisfies(p -> assertThat(p.location()).isEqualTo(SLA + "#SLA!G11"));
    }

    @Test
    void groupWordThatCouldLeaveItsStringIsRefusedNamingTheCell() {
        assertThat(problems(starterWith(ROUTING, wb -> Workbooks.cell(wb, "I11").setCellValue("routing\\\" salience 10 //"))))
                .extracting(CompileProblem::cell).contains("I11");
    }

    @Test
    void ruleNameThatCouldLeaveItsStringIsRefusedNamingTheCell() {
        byte[] table = Workbooks.sheet("Naming", new String[][] {
                {"RuleSet", "app.baton.engine.model"},
                {"Unit", "TaskDecisionUnit"},
                {},
                {"RuleTable NamedRouting"},
                {"NAME", "CONDITION", "ACTION", "ACTION"},
                {"", "$t: /tasks", "", ""},
                {"", "taskType == \"$param\"", "$t.routeTo(\"$param\");", "$t.ownedBy(\"$param\");"},
                {"Rule name", "Task type", "Queue", "Role"},
                {"Education\\", "PATIENT_EDUCATION", "NURSING", "CLINICAL_STAFF"},
        });

        assertThat(problems(List.of(new RuleFile("decision-tables/app/baton/engine/model/named.drl.xlsx", table))))
                .singleElement().satisfies(p -> assertThat(p.cell()).isEqualTo("A9"));
    }
}
