package app.baton.engine.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where one RuleTable sits on its sheet, read the way Drools reads it: the row below the
 * RuleTable cell names each column's kind (CONDITION, ACTION, ...), then come the object type
 * row, the code snippet row and the label row; rule rows follow. Rows and columns are 0-based.
 */
record TableLayout(String name, int startRow, int startColumn, List<Column> columns) {

    static final int KEYWORD_ROW = 1;
    static final int OBJECT_TYPE_ROW = 2;
    static final int SNIPPET_ROW = 3;
    static final int LABEL_ROW = 4;

    /** One column of the table; {@code objectType} is the pattern above it, through a merged range. */
    record Column(int index, String keyword, String objectType, String snippet, String label) {

        String letter() {
            return SheetCells.letter(index);
        }

        /** How a clinical lead knows the column: its label, or its letter. */
        String title() {
            return label.isEmpty() ? "column " + letter() : "column " + letter() + " (" + label + ")";
        }

        boolean is(String kind) {
            return keyword.equalsIgnoreCase(kind);
        }
    }

    int row(int offset) {
        return startRow + offset;
    }

    /** Every RuleTable of the sheet, top to bottom. */
    static List<TableLayout> of(SheetCells cells) {
        List<TableLayout> tables = new ArrayList<>();
        for (Map.Entry<Integer, TreeMap<Integer, String>> row : cells.rows().entrySet()) {
            for (Map.Entry<Integer, String> cell : row.getValue().entrySet()) {
                String text = cell.getValue().trim();
                if (text.toLowerCase(Locale.ROOT).startsWith("ruletable")) {
                    tables.add(layout(cells, row.getKey(), cell.getKey(), text.substring("ruletable".length()).trim()));
                }
            }
        }
        return tables;
    }

    private static TableLayout layout(SheetCells cells, int startRow, int startColumn, String name) {
        List<Column> columns = new ArrayList<>();
        TreeMap<Integer, String> keywords = cells.rows().getOrDefault(startRow + KEYWORD_ROW, new TreeMap<>());
        for (Map.Entry<Integer, String> keyword : keywords.tailMap(startColumn, true).entrySet()) {
            int c = keyword.getKey();
            columns.add(new Column(c, keyword.getValue().trim().toUpperCase(Locale.ROOT), cells.text(startRow + OBJECT_TYPE_ROW, c),
                    cells.text(startRow + SNIPPET_ROW, c), cells.text(startRow + LABEL_ROW, c)));
        }
        return new TableLayout(name, startRow, startColumn, columns);
    }
}
