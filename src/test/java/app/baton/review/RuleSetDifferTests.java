package app.baton.review;

import app.baton.engine.RuleFile;
import app.baton.engine.Workbooks;
import app.baton.review.RuleSetDiff.FileDiff;
import app.baton.review.RuleSetDiff.TableDiff;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Diffs of single files, without Spring: tables cell by cell, DRL and scenarios by line. */
class RuleSetDifferTests {

    static final String ROUTING = "decision-tables/app/baton/engine/model/routing.drl.xlsx";

    static byte[] routing() throws IOException {
        return Files.readAllBytes(Path.of(ROUTING));
    }

    @Test
    void changedCellNamesColumnRowsAndBothValues() throws IOException {
        byte[] changed = Workbooks.edit(routing(), wb -> Workbooks.cell(wb, "G28").setCellValue("NURSING"));

        FileDiff diff = RuleSetDiffer.file(ROUTING, new RuleFile(ROUTING, routing()), new RuleFile(ROUTING, changed));

        assertThat(diff.change()).isEqualTo("CHANGED");
        assertThat(diff.sheets()).singleElement().satisfies(sheet -> {
            assertThat(sheet.sheet()).isEqualTo("Routing");
            assertThat(sheet.cells()).isEmpty();
            TableDiff table = sheet.tables().get(0);
            assertThat(table.table()).isEqualTo("TaskRouting");
            assertThat(table.matchedBy()).isEqualTo("CONTENT");
            assertThat(table.rowsAdded()).isEmpty();
            assertThat(table.rowsRemoved()).isEmpty();
            assertThat(table.rowsChanged()).singleElement().satisfies(row -> {
                assertThat(row.oldRow()).isEqualTo(28);
                assertThat(row.newRow()).isEqualTo(28);
                assertThat(row.cells()).containsExactly(new RuleSetDiff.CellChange("Queue", "G28", "G28", "CARE_COORDINATION", "NURSING"));
            });
        });
    }

    @Test
    void insertedRowIsAddedAndTheRowsBelowAreNotChanged() throws IOException {
        byte[] changed = Workbooks.edit(routing(), wb -> {
            var sheet = wb.getSheetAt(0);
            sheet.shiftRows(11, sheet.getLastRowNum(), 1);
            var row = sheet.createRow(11);
            row.createCell(0).setCellValue("CCM");
            row.createCell(1).setCellValue("CCM_CONSENT");
            row.createCell(6).setCellValue("NURSING");
            row.createCell(7).setCellValue("CLINICAL_STAFF");
            row.createCell(8).setCellValue("routing");
        });

        TableDiff table = RuleSetDiffer.file(ROUTING, new RuleFile(ROUTING, routing()), new RuleFile(ROUTING, changed))
                .sheets().get(0).tables().get(0);

        assertThat(table.rowsChanged()).isEmpty();
        assertThat(table.rowsRemoved()).isEmpty();
        assertThat(table.rowsAdded()).singleElement().satisfies(row -> {
            assertThat(row.row()).isEqualTo(12);
            assertThat(row.values()).containsEntry("Program", "CCM").containsEntry("Task type", "CCM_CONSENT").containsEntry("Queue", "NURSING");
        });
    }

    @Test
    void rowsPairByTheNameColumnWhenThereIsOne() {
        String[][] before = {{"RuleSet", "app.baton.engine.model"}, {}, {"RuleTable Demo"}, {"NAME", "CONDITION", "ACTION"},
                {"", "$t: /tasks", ""}, {"", "program == \"$param\"", "$t.routeTo(\"$param\");"}, {"Rule", "Program", "Queue"},
                {"TcmRow", "TCM", "CARE_COORDINATION"}, {"CcmRow", "CCM", "CARE_COORDINATION"}};
        String[][] after = {{"RuleSet", "app.baton.engine.model"}, {}, {"RuleTable Demo"}, {"NAME", "CONDITION", "ACTION"},
                {"", "$t: /tasks", ""}, {"", "program == \"$param\"", "$t.routeTo(\"$param\");"}, {"Rule", "Program", "Queue"},
                {"CcmRow", "CCM", "NURSING"}, {"TcmRow", "TCM", "CARE_COORDINATION"}};
        String path = "decision-tables/demo.drl.xlsx";

        TableDiff table = RuleSetDiffer.file(path, new RuleFile(path, Workbooks.sheet("Demo", before)),
                new RuleFile(path, Workbooks.sheet("Demo", after))).sheets().get(0).tables().get(0);

        assertThat(table.matchedBy()).isEqualTo("NAME");
        assertThat(table.orderChanged()).isTrue();
        assertThat(table.rowsChanged()).singleElement().satisfies(row -> {
            assertThat(row.name()).isEqualTo("CcmRow");
            assertThat(row.oldRow()).isEqualTo(9);
            assertThat(row.newRow()).isEqualTo(8);
            assertThat(row.cells()).containsExactly(new RuleSetDiff.CellChange("Queue", "C9", "C8", "CARE_COORDINATION", "NURSING"));
        });
    }

    @Test
    void resavedTableWithTheSameCellsIsReformatted() throws IOException {
        byte[] resaved = Workbooks.edit(routing(), wb -> wb.getSheetAt(0).setColumnWidth(0, 9000));

        FileDiff diff = RuleSetDiffer.file(ROUTING, new RuleFile(ROUTING, routing()), new RuleFile(ROUTING, resaved));

        assertThat(diff.change()).isEqualTo("REFORMATTED");
        assertThat(diff.sheets()).isEmpty();
    }

    @Test
    void drlChangeIsAHunkWithContext() {
        String path = "rules/app/baton/engine/model/demo.drl";
        String before = "package a;\n\nrule \"One\"\nwhen\n  $t: /tasks[ attempts >= 3 ]\nthen\n  $t.suggest(\"SEND_LETTER\");\nend\n";
        String after = before.replace("attempts >= 3", "attempts >= 2");

        FileDiff diff = RuleSetDiffer.file(path, new RuleFile(path, bytes(before)), new RuleFile(path, bytes(after)));

        assertThat(diff.kind()).isEqualTo("DRL");
        assertThat(diff.hunks()).singleElement().satisfies(hunk -> {
            assertThat(hunk.oldStart()).isEqualTo(2);
            assertThat(hunk.newStart()).isEqualTo(2);
            assertThat(hunk.lines()).containsExactly(" ", " rule \"One\"", " when", "-  $t: /tasks[ attempts >= 3 ]",
                    "+  $t: /tasks[ attempts >= 2 ]", " then", "   $t.suggest(\"SEND_LETTER\");", " end");
        });
    }

    @Test
    void addedScenarioFileIsAllAddedLines() {
        String path = "test-scenarios/new.yaml";

        FileDiff diff = RuleSetDiffer.file(path, null, new RuleFile(path, bytes("- description: one\n  given: {}\n")));

        assertThat(diff.change()).isEqualTo("ADDED");
        assertThat(diff.kind()).isEqualTo("SCENARIO");
        assertThat(diff.hunks()).singleElement().satisfies(hunk ->
                assertThat(hunk.lines()).containsExactly("+- description: one", "+  given: {}"));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
