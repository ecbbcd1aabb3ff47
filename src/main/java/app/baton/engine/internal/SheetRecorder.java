package app.baton.engine.internal;

import org.drools.decisiontable.parser.DefaultRuleSheetListener;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Drools' own sheet listener, which also keeps every cell it is shown (so that checks can name a
 * cell, not just a row) and keeps Baton's effective-date columns to itself: Drools would turn
 * them into rule attributes that follow the server's clock, Baton turns them into a condition on
 * the decision's as-of date ({@link EffectiveDates}).
 */
final class SheetRecorder extends DefaultRuleSheetListener {

    static final String DATE_EFFECTIVE = "DATE-EFFECTIVE";
    static final String DATE_EXPIRES = "DATE-EXPIRES";

    /** Cell text by 0-based row and column, as Drools reads it (dates as "15-Jan-2025" in quotes). */
    private final TreeMap<Integer, TreeMap<Integer, String>> cells = new TreeMap<>();
    /** For cells inside a merged range: the column the range starts at, by row and column. */
    private final Map<Integer, Map<Integer, Integer>> mergeStarts = new TreeMap<>();
    private final Set<Integer> hiddenColumns = new TreeSet<>();
    private int ruleTableRow = -2;

    @Override
    public void newCell(int row, int column, String value, int mergedColStart) {
        if (value == null || value.isBlank()) {
            return;
        }
        cells.computeIfAbsent(row, r -> new TreeMap<>()).put(column, value);
        if (mergedColStart != NON_MERGED) {
            mergeStarts.computeIfAbsent(row, r -> new TreeMap<>()).put(column, mergedColStart);
        }
        String keyword = value.trim().toUpperCase(Locale.ROOT);
        if (keyword.startsWith("RULETABLE")) {
            ruleTableRow = row;
            hiddenColumns.clear();
        } else if (row == ruleTableRow + 1 && (keyword.equals(DATE_EFFECTIVE) || keyword.equals(DATE_EXPIRES))) {
            hiddenColumns.add(column);
        }
        if (row > ruleTableRow && hiddenColumns.contains(column)) {
            return;
        }
        super.newCell(row, column, value, mergedColStart);
    }

    /**
     * The rows outside the sheet's tables as Drools read them: by keyword (lower case), each value
     * with the name of its cell. Drools would make imports, functions, globals and rule attributes of them.
     */
    Map<String, List<String[]>> settings() {
        return getProperties();
    }

    /** What the sheet holds, for the checks. */
    SheetCells recorded(String sheet) {
        return new SheetCells(sheet, cells, mergeStarts);
    }
}
