package app.baton.engine;

import app.baton.calendar.PracticeCalendars;
import app.baton.engine.model.TaskType;
import org.apache.poi.ss.usermodel.FormulaError;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A rule set that does not compile says where: file, sheet and cell or row, or DRL line. */
class RuleCompilerProblemsTests {

    private static final String SLA = "decision-tables/app/baton/engine/model/sla.drl.xlsx";

    private static List<RuleFile> starterWith(String path, Consumer<org.apache.poi.ss.usermodel.Workbook> change) {
        List<RuleFile> files = new ArrayList<>();
        for (RuleFile file : StarterFiles.load()) {
            files.add(file.path().equals(path) ? new RuleFile(path, Workbooks.edit(file.content(), change)) : file);
        }
        return files;
    }

    private static CompileProblem onlyProblem(List<RuleFile> files) {
        try {
            new RuleCompiler().compile("broken", files).close();
        } catch (RuleCompilationException e) {
            assertThat(e.problems()).hasSize(1);
            return e.problems().get(0);
        }
        throw new AssertionError("the rule set compiled");
    }

    @Test
    void dueTermThatIsNotInTheGrammarNamesItsRow() {
        CompileProblem problem = onlyProblem(starterWith(SLA, wb -> Workbooks.cell(wb, "G13").setCellValue("two weeks or so")));

        assertThat(problem.file()).isEqualTo(SLA);
        assertThat(problem.sheet()).isEqualTo("SLA");
        assertThat(problem.cell()).isEqualTo("G13");
        assertThat(problem.message()).contains("'two weeks or so' is not a due term");
    }

    @Test
    void errorValueInACellNamesTheCell() {
        CompileProblem problem = onlyProblem(starterWith(SLA, wb -> Workbooks.cell(wb, "C12").setCellErrorValue(FormulaError.NAME.getCode())));

        assertThat(problem.location()).isEqualTo(SLA + "#SLA!C12");
        assertThat(problem.message()).contains("error value");
    }

    @Test
    void formulaThatCannotBeEvaluatedNamesTheCell() {
        CompileProblem problem = onlyProblem(starterWith(SLA, wb -> Workbooks.cell(wb, "C12").setCellFormula("NOSUCHFUNCTION(1)")));

        assertThat(problem.location()).isEqualTo(SLA + "#SLA!C12");
    }

    @Test
    void formulaCellCompilesToItsValue() {
        List<RuleFile> files = starterWith(SLA, wb -> Workbooks.cell(wb, "G11").setCellFormula("\"2 business days after \"&\"discharge\""));
        try (CompiledRules rules = new RuleCompiler().compile("formula", files)) {
            assertThat(rules.rules()).containsKey("TaskSla_11");
        }
    }

    @Test
    void brokenDrlNamesFileAndLine() {
        List<RuleFile> files = new ArrayList<>(StarterFiles.load());
        files.add(new RuleFile("rules/app/baton/engine/model/broken.drl", """
                package app.baton.engine.model;
                unit TaskDecisionUnit;

                rule "Broken"
                when
                    $t: /tasks[ noSuchField == 1 ]
                then
                end
                """.getBytes(StandardCharsets.UTF_8)));

        assertThatThrownBy(() -> new RuleCompiler(ShippedRules.of(files)).compile("broken", files))
                .isInstanceOfSatisfying(RuleCompilationException.class, e ->
                        assertThat(e.problems()).anySatisfy(p -> assertThat(p.file()).isEqualTo("rules/app/baton/engine/model/broken.drl")));
    }

    @Test
    void namedRuleStaysTraceableToItsRow() {
        byte[] table = Workbooks.sheet("Naming", new String[][] {
                {"RuleSet", "app.baton.engine.model"},
                {"Unit", "TaskDecisionUnit"},
                {},
                {"RuleTable NamedRouting"},
                {"NAME", "CONDITION", "ACTION", "ACTION"},
                {"", "$t: /tasks", "", ""},
                {"", "taskType == \"$param\"", "$t.routeTo(\"$param\");", "$t.ownedBy(\"$param\");"},
                {"Rule name", "Task type", "Queue", "Role"},
                {"Education goes to nursing", "PATIENT_EDUCATION", "NURSING", "CLINICAL_STAFF"},
        });
        List<RuleFile> files = List.of(new RuleFile("decision-tables/app/baton/engine/model/named.drl.xlsx", table));

        try (CompiledRules rules = new RuleCompiler().compile("named", files)) {
            Evaluation result = rules.evaluate(RuleCompilerTests.apiExample(TaskType.PATIENT_EDUCATION),
                    ZonedDateTime.parse("2026-03-09T10:15:00-04:00"), PracticeCalendars.withDefaults().calendar(null, null));

            assertThat(result.routing().rule()).isEqualTo("Education goes to nursing");
            assertThat(rules.source("Education goes to nursing").orElseThrow().describe())
                    .isEqualTo("decision-tables/app/baton/engine/model/named.drl.xlsx#Naming!row 9");
        }
    }

    @Test
    void tableThatYieldsNoRulesIsAnError() {
        byte[] empty = Workbooks.sheet("Notes", new String[][] {{"just notes, no RuleSet"}});
        List<RuleFile> files = new ArrayList<>(StarterFiles.load());
        files.add(new RuleFile("decision-tables/app/baton/engine/model/notes.drl.xlsx", empty));

        CompileProblem problem = onlyProblem(files);
        assertThat(problem.file()).isEqualTo("decision-tables/app/baton/engine/model/notes.drl.xlsx");
    }
}
