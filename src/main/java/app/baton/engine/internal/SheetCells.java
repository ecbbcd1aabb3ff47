package app.baton.engine.internal;

import org.apache.poi.ss.util.CellReference;

import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/** The non-blank cells of one sheet as Drools read them, by 0-based row and column. */
record SheetCells(String sheet, NavigableMap<Integer, TreeMap<Integer, String>> rows,
                  Map<Integer, Map<Integer, Integer>> mergeStarts) {

    /** The trimmed text of a cell, or "" when it is blank. */
    String text(int row, int column) {
        TreeMap<Integer, String> cells = rows.get(row);
        String value = cells == null ? null : cells.get(column);
        return value == null ? "" : value.trim();
    }

    /** The column a merged range containing this cell starts at, if the cell is merged. */
    Optional<Integer> mergeStart(int row, int column) {
        return Optional.ofNullable(mergeStarts.getOrDefault(row, Map.of()).get(column));
    }

    /** The first cell whose text equals {@code keyword} (ignoring case), as {row, column}. */
    Optional<int[]> find(String keyword) {
        for (Map.Entry<Integer, TreeMap<Integer, String>> row : rows.entrySet()) {
            for (Map.Entry<Integer, String> cell : row.getValue().entrySet()) {
                if (cell.getValue().trim().equalsIgnoreCase(keyword)) {
                    return Optional.of(new int[] {row.getKey(), cell.getKey()});
                }
            }
        }
        return Optional.empty();
    }

    static String address(int row, int column) {
        return new CellReference(row, column).formatAsString(false);
    }

    static String letter(int column) {
        return CellReference.convertNumToColString(column);
    }
}
