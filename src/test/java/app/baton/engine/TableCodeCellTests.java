package app.baton.engine;

import org.apache.poi.ss.util.CellRangeAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;

import static app.baton.engine.Bundles.NEXT_ACTION;
import static app.baton.engine.Bundles.ROUTING;
import static app.baton.engine.Bundles.problems;
import static app.baton.engine.Bundles.starterWith;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every code cell of a table (its patterns, its CONDITION and ACTION templates, its column kinds and
 * the rows above it) must be one Baton ships for that kind of table: a clinical lead chooses among
 * the decisions Baton knows how to make, and never adds code.
 */
class TableCodeCellTests {

    @TempDir
    Path dir;

    @Test
    void actionTemplateWithAnExtraStatementIsRefusedNamingTheCell() {
        Path mark = dir.resolve("written-by-a-template");

        List<CompileProblem> problems = problems(starterWith(NEXT_ACTION,
                wb -> Workbooks.cell(wb, Attacks.PROMPT_TEMPLATE).setCellValue(Attacks.templateWithExtraStatement(mark))));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo(NEXT_ACTION + "#NextBestAction!" + Attacks.PROMPT_TEMPLATE);
            assertThat(p.message()).contains("not one of the templates Baton ships").contains("$t.prompt(\"$param\");");
        });
        assertThat(mark).doesNotExist();
    }

    @Test
    void conditionTemplateThatIsNotShippedIsRefusedNamingTheCell() {
        List<CompileProblem> problems = problems(starterWith(ROUTING, wb -> Workbooks.cell(wb, "C9")
                .setCellValue("eval(java.nio.file.Files.exists(java.nio.file.Path.of(\"$param\")))")));

        assertThat(problems).singleElement().satisfies(p -> assertThat(p.location()).isEqualTo(ROUTING + "#Routing!C9"));
    }

    @Test
    void patternWithCodeInItIsRefusedNamingTheCell() {
        List<CompileProblem> problems = problems(starterWith(ROUTING, wb -> Workbooks.cell(wb, "A8")
                .setCellValue("$t: /tasks[ java.nio.file.Files.exists(java.nio.file.Path.of(\"/\")) ]")));

        assertThat(problems).extracting(CompileProblem::cell).contains("A8");
    }

    @Test
    void actionColumnBoundToAnotherObjectIsRefused() {
        List<CompileProblem> problems = problems(starterWith(NEXT_ACTION, wb -> {
            Workbooks.cell(wb, "Q8").setCellValue("java.lang.System");
            Workbooks.cell(wb, "Q9").setCellValue("exit($param)");
        }));

        assertThat(problems).extracting(CompileProblem::cell).contains("Q8", "Q9");
    }

    @Test
    void conditionOfAnotherKindOfTableIsRefused() {
        List<CompileProblem> problems = problems(starterWith(ROUTING, wb -> Workbooks.cell(wb, "C9").setCellValue("status == \"$param\"")));

        assertThat(problems).anySatisfy(p -> {
            assertThat(p.cell()).isEqualTo("C9");
            assertThat(p.message()).contains("a routing table's conditions");
        });
    }

    @ParameterizedTest(name = "{0} row")
    @CsvSource(delimiter = '|', value = {
            "Import|java.lang.Runtime",
            "Functions|function void leak() { java.nio.file.Files.delete(java.nio.file.Path.of(\"/tmp/x\")); }",
            "Variables|java.lang.Runtime runtime",
            "Queries|query leak() $t: /tasks end",
            "Declare|Leak x: String = System.getenv(\"PATH\") end",
            "EscapeQuotes|false",
            "PRIORITY|(java.nio.file.Files.exists(java.nio.file.Path.of(\"/\")) ? 1 : 0)",
            "TIMER|int: 1s",
            "Sequential|(1 == 1)"})
    void keywordRowThatIsNotShippedIsRefusedNamingItsCell(String keyword, String value) {
        List<CompileProblem> problems = problems(starterWith(ROUTING, wb -> {
            Workbooks.cell(wb, "A5").setCellValue(keyword);
            Workbooks.cell(wb, "B5").setCellValue(value);
        }));

        assertThat(problems).singleElement().satisfies(p -> assertThat(p.location()).isEqualTo(ROUTING + "#Routing!B5"));
    }

    @ParameterizedTest(name = "{0} column")
    @CsvSource(delimiter = '|', value = {
            "PRIORITY|(java.nio.file.Files.exists(java.nio.file.Path.of(\"/\")) ? 1 : 0)",
            "DESCRIPTION|a remark",
            "TIMER|int: 1s",
            "AGENDA-GROUP|routing",
            "NO-LOOP|true",
            "P|1",
            "Check|TCM"})
    void columnKindThatIsNotShippedIsRefusedNamingItsCell(String keyword, String value) {
        byte[] table = Workbooks.sheet("Routing", new String[][] {
                {"RuleSet", "app.baton.engine.model"},
                {"Unit", "TaskDecisionUnit"},
                {},
                {"RuleTable Demo"},
                {"CONDITION", "ACTION", "ACTION", keyword},
                {"$t: /tasks", "", "", ""},
                {"taskType == \"$param\"", "$t.routeTo(\"$param\");", "$t.ownedBy(\"$param\");", keyword.equals("Check") ? "program == \"$param\"" : ""},
                {"Task type", "Queue", "Role", "Extra"},
                {"PATIENT_EDUCATION", "NURSING", "CLINICAL_STAFF", value},
        });

        assertThat(problems(List.of(new RuleFile(ROUTING, table)))).extracting(CompileProblem::cell).contains("D5");
    }

    @Test
    void tableNameThatCouldLeaveTheRuleNameIsRefused() {
        byte[] table = Workbooks.sheet("Routing", new String[][] {
                {"RuleSet", "app.baton.engine.model"},
                {"Unit", "TaskDecisionUnit"},
                {},
                {"RuleTable Demo\\\" salience 10 //"},
                {"CONDITION", "ACTION", "ACTION"},
                {"$t: /tasks", "", ""},
                {"taskType == \"$param\"", "$t.routeTo(\"$param\");", "$t.ownedBy(\"$param\");"},
                {"Task type", "Queue", "Role"},
                {"PATIENT_EDUCATION", "NURSING", "CLINICAL_STAFF"},
        });

        assertThat(problems(List.of(new RuleFile(ROUTING, table)))).extracting(CompileProblem::cell).containsExactly("A4");
    }

    @Test
    void aTableOfItsOwnBuiltFromShippedTemplatesCompiles() {
        byte[] table = Workbooks.sheet("Education", new String[][] {
                {"RuleSet", "app.baton.engine.model"},
                {"Unit", "TaskDecisionUnit"},
                {"Notes", "Education tasks go to the nurses"},
                {"RuleTable EducationRouting"},
                {"NAME", "CONDITION", "CONDITION", "ACTION", "ACTION", "ACTIVATION-GROUP"},
                {"", "$t: /tasks", "", "", "", ""},
                {"", "taskType == \"$param\"", "language == \"$param\"", "$t.routeTo(\"$param\");", "$t.ownedBy(\"$param\");", ""},
                {"Rule name", "Task type", "Language", "Queue", "Role", "First match wins"},
                {"Education in Spanish", "PATIENT_EDUCATION", "es", "BILINGUAL_CARE_COORDINATION", "CARE_COORDINATOR", "routing"},
        });

        byte[] merged = Workbooks.edit(table, wb -> {
            Workbooks.cell(wb, "C6").setBlank();
            wb.getSheetAt(0).addMergedRegion(CellRangeAddress.valueOf("B6:C6"));
        });

        try (CompiledRules rules = new RuleCompiler().compile("own table",
                List.of(new RuleFile("decision-tables/app/baton/engine/model/education.drl.xlsx", merged)))) {
            assertThat(rules.rules()).containsOnlyKeys("Education in Spanish");
        }
    }
}
