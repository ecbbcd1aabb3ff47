package app.baton.engine.internal;

import app.baton.engine.CompileProblem;
import app.baton.engine.model.TaskDecisionUnit;
import org.apache.poi.ss.util.CellRangeAddress;

import java.util.List;
import java.util.Optional;

/**
 * Checks what must be around and above a sheet's rule tables before its rows mean anything: the
 * RuleSet and Unit cells that tie the table to Baton's rule unit, and merged ranges where Drools
 * would read something else than the author sees.
 */
final class SheetStructure {

    static final String PACKAGE = TaskDecisionUnit.class.getPackageName();
    static final String UNIT = TaskDecisionUnit.class.getSimpleName();

    private SheetStructure() {
    }

    static void check(String file, SheetCells cells, List<TableLayout> tables, List<CellRangeAddress> merged, List<CompileProblem> problems) {
        if (tables.isEmpty()) {
            return;
        }
        setting(file, cells, "RuleSet", PACKAGE, "A1", problems);
        setting(file, cells, "Unit", UNIT, "A2", problems);
        for (int t = 0; t < tables.size(); t++) {
            TableLayout table = tables.get(t);
            int end = t + 1 < tables.size() ? tables.get(t + 1).startRow() - 1 : Integer.MAX_VALUE;
            for (CellRangeAddress range : merged) {
                if (range.getFirstRow() > end) {
                    continue;
                }
                mergedProblem(table, range).ifPresent(message -> problems.add(new CompileProblem(file, cells.sheet(),
                        range.formatAsString(), null, message)));
            }
        }
    }

    private static void setting(String file, SheetCells cells, String keyword, String expected, String where, List<CompileProblem> problems) {
        Optional<int[]> at = cells.find(keyword);
        if (at.isEmpty()) {
            problems.add(new CompileProblem(file, cells.sheet(), null, null, "the sheet has no " + keyword + " row: above the RuleTable, write "
                    + keyword + " in cell " + where + " and " + expected + " in the cell to its right"));
            return;
        }
        String value = cells.text(at.get()[0], at.get()[1] + 1);
        if (!value.equals(expected)) {
            problems.add(new CompileProblem(file, cells.sheet(), SheetCells.address(at.get()[0], at.get()[1] + 1), null,
                    keyword + " must be " + expected + ", not '" + value + "'"));
        }
    }

    /** Merging is meaningful in one place only: the object type row, over CONDITION columns. */
    private static Optional<String> mergedProblem(TableLayout table, CellRangeAddress range) {
        int first = range.getFirstRow();
        int last = range.getLastRow();
        if (last < table.row(TableLayout.KEYWORD_ROW) || first > table.row(TableLayout.SNIPPET_ROW) && first < table.row(TableLayout.LABEL_ROW + 1)
                || range.getLastColumn() < table.startColumn()) {
            return Optional.empty();
        }
        if (first >= table.row(TableLayout.LABEL_ROW + 1)) {
            return Optional.of("merged cells in the rule rows: unmerge them and type the value in every cell of the row that needs it");
        }
        if (first != last) {
            return Optional.of("cells merged across the table's header rows: unmerge them; each header row has its own meaning");
        }
        if (first == table.row(TableLayout.OBJECT_TYPE_ROW)) {
            boolean overConditions = table.columns().stream()
                    .filter(c -> c.index() >= range.getFirstColumn() && c.index() <= range.getLastColumn())
                    .allMatch(c -> c.is("CONDITION"));
            return overConditions ? Optional.empty()
                    : Optional.of("this merged range reaches over columns that are not CONDITIONs: merge only the cells above the conditions");
        }
        return Optional.of("merged header cells: every column needs its own " + (first == table.row(TableLayout.KEYWORD_ROW)
                ? "CONDITION or ACTION heading" : "code") + "; unmerge them");
    }
}
