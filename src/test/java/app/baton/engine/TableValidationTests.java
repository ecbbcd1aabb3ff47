package app.baton.engine;

import org.apache.poi.ss.util.CellRangeAddress;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static app.baton.engine.Bundles.ESCALATION;
import static app.baton.engine.Bundles.MISSING_INFO;
import static app.baton.engine.Bundles.NEXT_ACTION;
import static app.baton.engine.Bundles.ROUTING;
import static app.baton.engine.Bundles.SLA;
import static app.baton.engine.Bundles.problems;
import static app.baton.engine.Bundles.starterWith;
import static org.assertj.core.api.Assertions.assertThat;

/** What the validator says about a table that would compile wrong or not at all: one problem, on its cell. */
class TableValidationTests {

    private static CompileProblem only(List<CompileProblem> problems) {
        assertThat(problems).hasSize(1);
        return problems.get(0);
    }

    @Test
    void conditionOnAPropertyTheTaskDoesNotHaveNamesTheSnippetCell() {
        CompileProblem problem = only(problems(starterWith(ROUTING, wb -> Workbooks.cell(wb, "C9").setCellValue("locatoin == \"$param\""))));

        assertThat(problem.location()).isEqualTo(ROUTING + "#Routing!C9");
        assertThat(problem.message()).contains("tests 'locatoin', which a task does not have").contains("location");
    }

    @Test
    void actionCallingAnUnknownMethodNamesTheSnippetCell() {
        CompileProblem problem = only(problems(starterWith(ROUTING, wb -> Workbooks.cell(wb, "G9").setCellValue("$t.routeTO(\"$param\");"))));

        assertThat(problem.cell()).isEqualTo("G9");
        assertThat(problem.message()).contains("calls 'routeTO'").contains("routeTo");
    }

    @Test
    void unknownProgramQueueAndRecipientAreEachNamedByCell() {
        List<RuleFile> files = Bundles.replacing(starterWith(ROUTING, wb -> {
            Workbooks.cell(wb, "A12").setCellValue("REFERAL");
            Workbooks.cell(wb, "G13").setCellValue("FRONTDESK");
        }), ESCALATION, wb -> Workbooks.cell(wb, "L12").setCellValue("PRACTICE_LEADERS"));

        assertThat(problems(files)).extracting(CompileProblem::location, p -> p.message().substring(0, p.message().indexOf(';')))
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(ROUTING + "#Routing!A12", "'REFERAL' is not a known program"),
                        org.assertj.core.groups.Tuple.tuple(ROUTING + "#Routing!G13", "'FRONTDESK' is not a known queue"),
                        org.assertj.core.groups.Tuple.tuple(ESCALATION + "#Escalation!L12", "'PRACTICE_LEADERS' is not a known recipient"));
    }

    @Test
    void codesAreCaseSensitive() {
        CompileProblem problem = only(problems(starterWith(SLA, wb -> Workbooks.cell(wb, "D18").setCellValue("expedited"))));

        assertThat(problem.cell()).isEqualTo("D18");
        assertThat(problem.message()).contains("'expedited' is not a known priority").contains("EXPEDITED").contains("case-sensitive");
    }

    @Test
    void textInANumberColumnNamesTheCell() {
        CompileProblem problem = only(problems(starterWith(NEXT_ACTION, wb -> Workbooks.cell(wb, "E27").setCellValue("one"))));

        assertThat(problem.cell()).isEqualTo("E27");
        assertThat(problem.message()).isEqualTo("column E (Attempts at least) needs a whole number, not 'one'");
    }

    @Test
    void numberColumnWithQuotesAroundItsValueIsAHeaderProblem() {
        CompileProblem problem = only(problems(starterWith(NEXT_ACTION, wb -> Workbooks.cell(wb, "E9").setCellValue("attempts >= \"$param\""))));

        assertThat(problem.cell()).isEqualTo("E9");
        assertThat(problem.message()).contains("without quotes");
    }

    @Test
    void rowWithTheSameConditionsAsAnEarlierRowOfAFirstMatchTableCanNeverFire() {
        CompileProblem problem = only(problems(starterWith(ROUTING, wb -> {
            Workbooks.cell(wb, "B14").setCellValue("REFERRAL_INTAKE");
        })));

        assertThat(problem.cell()).isEqualTo("row 14");
        assertThat(problem.message()).startsWith("row 14 can never fire: it has the same conditions as row 13");
    }

    @Test
    void rowCoveredByAMoreGeneralEarlierRowCanNeverFire() {
        CompileProblem problem = only(problems(starterWith(ROUTING, wb -> Workbooks.cell(wb, "A18").setCellValue("GENERAL"))));

        assertThat(problem.cell()).isEqualTo("row 24");
        assertThat(problem.message()).startsWith("row 24 can never fire: row 18 comes first and matches every task row 24 matches");
    }

    @Test
    void firstMatchRowWithoutItsGroupWordWouldFireAsWell() {
        CompileProblem problem = only(problems(starterWith(ROUTING, wb -> Workbooks.cell(wb, "I14").setBlank())));

        assertThat(problem.cell()).isEqualTo("I14");
        assertThat(problem.message()).contains("blank on row 14").contains("write 'routing'");
    }

    @Test
    void twoEscalationRowsAtOneLevelThatMatchTheSameTaskConflict() {
        CompileProblem problem = only(problems(starterWith(ESCALATION, wb -> Workbooks.cell(wb, "B13").setCellValue("ROUTINE"))));

        assertThat(problem.cell()).isEqualTo("row 13");
        assertThat(problem.message()).isEqualTo("rows 12 and 13 can both match the same task (e.g. hoursOverdue 48 or more, priority ROUTINE),"
                + " and every matching row fires: it would get two escalation steps at the same level; make their conditions exclude each other");
    }

    @Test
    void duplicateRowOfAnEveryMatchTableWouldFlagAFieldTwice() {
        CompileProblem problem = only(problems(starterWith(MISSING_INFO, wb -> Workbooks.cell(wb, "A18").setCellValue("PRIOR_AUTH"))));

        assertThat(problem.cell()).isEqualTo("row 21");
        assertThat(problem.message()).contains("same conditions as row 18").contains("the same missing-field flag twice");
    }

    @Test
    void contradictoryCellsInOneRowMeanItCanNeverFire() {
        CompileProblem problem = only(problems(starterWith(NEXT_ACTION, wb -> Workbooks.cell(wb, "E27").setCellValue(3))));

        assertThat(problem.cell()).isEqualTo("row 27");
        assertThat(problem.message()).contains("can never fire: its cells contradict each other")
                .contains("column E (Attempts at least) and column F (Attempts at most)");
    }

    @Test
    void overlappingRowsOfARoutingTableWithoutFirstMatchWouldGiveTwoQueues() {
        byte[] table = Workbooks.sheet("Routing", new String[][] {
                {"RuleSet", "app.baton.engine.model"},
                {"Unit", "TaskDecisionUnit"},
                {},
                {"RuleTable Routing"},
                {"CONDITION", "ACTION"},
                {"$t: /tasks", ""},
                {"program == \"$param\"", "$t.routeTo(\"$param\");"},
                {"Program", "Queue"},
                {"TCM", "NURSING"},
                {"CCM", "NURSING"},
                {"TCM", "CARE_COORDINATION"},
        });

        CompileProblem problem = only(problems(List.of(new RuleFile(ROUTING, table))));

        assertThat(problem.cell()).isEqualTo("row 11");
        assertThat(problem.message()).contains("same conditions as row 9").contains("two queues");
    }

    @Test
    void objectTypeCellsThatAreNoLongerMergedAreNamed() {
        List<CompileProblem> problems = problems(starterWith(ROUTING, wb -> wb.getSheetAt(0).removeMergedRegion(0)));

        assertThat(problems).extracting(CompileProblem::cell).containsExactly("B8", "C8", "D8", "E8", "F8");
        assertThat(problems.get(0).message()).contains("CONDITION without the fact it tests above it").contains("merge");
    }

    @Test
    void mergedCellsInRuleRowsAreNamed() {
        CompileProblem problem = only(problems(starterWith(ROUTING, wb -> wb.getSheetAt(0).addMergedRegion(CellRangeAddress.valueOf("A13:B13")))));

        assertThat(problem.cell()).isEqualTo("A13:B13");
        assertThat(problem.message()).contains("merged cells in the rule rows");
    }

    @Test
    void tableWithoutItsRuleSetOrUnitRowSaysWhatToWrite() {
        List<CompileProblem> problems = problems(starterWith(ROUTING, wb -> {
            Workbooks.cell(wb, "A1").setBlank();
            Workbooks.cell(wb, "B1").setBlank();
            Workbooks.cell(wb, "A2").setBlank();
            Workbooks.cell(wb, "B2").setBlank();
        }));

        assertThat(problems).extracting(CompileProblem::message).containsExactly(
                "the sheet has no RuleSet row: above the RuleTable, write RuleSet in cell A1 and app.baton.engine.model in the cell to its right",
                "the sheet has no Unit row: above the RuleTable, write Unit in cell A2 and TaskDecisionUnit in the cell to its right");
    }

    @Test
    void importOfAClassThatDoesNotExistNamesTheCell() {
        CompileProblem problem = only(problems(starterWith(ROUTING, wb -> {
            Workbooks.cell(wb, "A5").setCellValue("Import");
            Workbooks.cell(wb, "B5").setCellValue("com.example.Nothing");
        })));

        assertThat(problem.cell()).isEqualTo("B5");
        assertThat(problem.message()).contains("'com.example.Nothing'");
    }

    @Test
    void everyProblemOfEveryFileIsReportedAtOnce() {
        List<RuleFile> files = Bundles.replacing(starterWith(ROUTING, wb -> Workbooks.cell(wb, "A12").setCellValue("REFERAL")),
                SLA, wb -> Workbooks.cell(wb, "G13").setCellValue("soon"));
        files = new ArrayList<>(files);
        files.add(new RuleFile("decision-tables/app/baton/engine/model/extra.xlsx", new byte[] {1}));

        assertThat(problems(files)).extracting(CompileProblem::location).containsExactlyInAnyOrder(
                ROUTING + "#Routing!A12", SLA + "#SLA!G13", "decision-tables/app/baton/engine/model/extra.xlsx");
    }

    @Test
    void drlSyntaxErrorNamesItsLine() {
        List<RuleFile> files = new ArrayList<>(StarterFiles.load());
        files.add(new RuleFile("rules/app/baton/engine/model/typo.drl", """
                package app.baton.engine.model;
                unit TaskDecisionUnit;

                rule "Typo"
                when
                    $t: /tasks[ program == "TCM" ]]
                then
                    $t.routeTo("NURSING");
                end
                """.getBytes(StandardCharsets.UTF_8)));

        assertThat(Bundles.problemsAsShipped(files)).first().satisfies(p -> {
            assertThat(p.file()).isEqualTo("rules/app/baton/engine/model/typo.drl");
            assertThat(p.line()).isEqualTo(6);
        });
    }

    @Test
    void macroWorkbookAndTableWithoutDrlInItsNameAreRefusedNotIgnored() {
        List<RuleFile> files = new ArrayList<>(StarterFiles.load());
        byte[] routing = files.stream().filter(f -> f.path().equals(ROUTING)).findFirst().orElseThrow().content();
        files.add(new RuleFile("decision-tables/app/baton/engine/model/routing.xlsm", routing));
        files.add(new RuleFile("decision-tables/app/baton/engine/model/routing-copy.xlsx", routing));

        assertThat(problems(files)).extracting(CompileProblem::message).satisfiesExactly(
                m -> assertThat(m).startsWith("macro workbooks (.xlsm) are not accepted"),
                m -> assertThat(m).contains("whose name ends in .drl.xlsx").endsWith("this file would be ignored"));
    }
}
