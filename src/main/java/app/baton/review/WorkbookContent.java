package app.baton.review;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A decision table workbook as a clinical lead sees it: each cell's value as Excel shows it
 * ({@link DataFormatter}, formulas evaluated), each {@code RuleTable} with its columns and rows in
 * Drools' layout (the keyword row, then object type, code and label rows, then one rule per row
 * until a blank row), and every other cell by its address.
 */
record WorkbookContent(List<SheetContent> sheets) {

    record SheetContent(String name, Map<String, String> otherCells, List<Table> tables) {
    }

    /** {@code key} is the column's label when it is unique in the table, else its letter. */
    record Column(String key, String letter, String type, String objectType, String code, String label) {
    }

    /** One rule row: its Excel row number and its non-blank values by column key. */
    record TableRow(int excelRow, Map<String, String> values) {
    }

    record Table(String name, int excelRow, List<Column> columns, List<TableRow> rows) {

        Column column(String key) {
            return columns.stream().filter(c -> c.key().equals(key)).findFirst().orElse(null);
        }

        /** The key of the NAME column, when the table has one. */
        String nameColumn() {
            return columns.stream().filter(c -> c.type().equalsIgnoreCase("NAME")).map(Column::key).findFirst().orElse(null);
        }
    }

    static final WorkbookContent EMPTY = new WorkbookContent(List.of());

    private static final int TYPE_ROW = 1;
    private static final int OBJECT_ROW = 2;
    private static final int CODE_ROW = 3;
    private static final int LABEL_ROW = 4;

    static WorkbookContent read(byte[] content) throws IOException {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(content))) {
            DataFormatter formatter = new DataFormatter(Locale.US);
            FormulaEvaluator evaluator = workbook.getCreationHelper().createFormulaEvaluator();
            List<SheetContent> sheets = new ArrayList<>();
            for (Sheet sheet : workbook) {
                sheets.add(sheet(sheet, grid(sheet, formatter, evaluator)));
            }
            return new WorkbookContent(sheets);
        }
    }

    /** Non-blank cells by row and column (0-based), as shown. */
    private static TreeMap<Integer, TreeMap<Integer, String>> grid(Sheet sheet, DataFormatter formatter, FormulaEvaluator evaluator) {
        TreeMap<Integer, TreeMap<Integer, String>> grid = new TreeMap<>();
        for (Row row : sheet) {
            for (Cell cell : row) {
                String shown = shown(cell, formatter, evaluator);
                if (!shown.isBlank()) {
                    grid.computeIfAbsent(row.getRowNum(), r -> new TreeMap<>()).put(cell.getColumnIndex(), shown);
                }
            }
        }
        return grid;
    }

    private static String shown(Cell cell, DataFormatter formatter, FormulaEvaluator evaluator) {
        try {
            return formatter.formatCellValue(cell, evaluator);
        } catch (RuntimeException e) {
            // A formula POI cannot evaluate is shown as the formula, which is what the author typed.
            return "=" + cell.getCellFormula();
        }
    }

    private static SheetContent sheet(Sheet sheet, TreeMap<Integer, TreeMap<Integer, String>> grid) {
        List<Table> tables = new ArrayList<>();
        Map<String, String> other = new TreeMap<>(WorkbookContent::byAddress);
        int skipUntil = -1;
        for (var row : grid.entrySet()) {
            int r = row.getKey();
            if (r <= skipUntil) {
                continue;
            }
            Integer tableColumn = row.getValue().entrySet().stream()
                    .filter(cell -> cell.getValue().trim().toLowerCase(Locale.ROOT).startsWith("ruletable"))
                    .map(Map.Entry::getKey).findFirst().orElse(null);
            if (tableColumn == null) {
                row.getValue().forEach((c, value) -> other.put(address(r, c), value));
                continue;
            }
            Table table = table(grid, r, tableColumn);
            tables.add(table);
            skipUntil = table.rows().isEmpty() ? r + LABEL_ROW : table.rows().get(table.rows().size() - 1).excelRow() - 1;
            // cells beside the table on its rows are still cells of the sheet
            int lastColumn = tableColumn + Math.max(0, table.columns().size() - 1);
            for (int t = r; t <= skipUntil; t++) {
                int rr = t;
                grid.getOrDefault(t, new TreeMap<>()).forEach((c, value) -> {
                    if (c < tableColumn || c > lastColumn) {
                        other.put(address(rr, c), value);
                    }
                });
            }
        }
        return new SheetContent(sheet.getSheetName(), other, tables);
    }

    private static Table table(TreeMap<Integer, TreeMap<Integer, String>> grid, int r, int firstColumn) {
        String name = cell(grid, r, firstColumn).trim().substring("ruletable".length()).trim();
        List<Integer> indexes = new ArrayList<>();
        for (int c = firstColumn; !cell(grid, r + TYPE_ROW, c).isBlank(); c++) {
            indexes.add(c);
        }
        Map<String, Integer> labels = new LinkedHashMap<>();
        indexes.forEach(c -> labels.merge(cell(grid, r + LABEL_ROW, c).trim(), 1, Integer::sum));
        List<Column> columns = new ArrayList<>();
        for (int c : indexes) {
            String label = cell(grid, r + LABEL_ROW, c).trim();
            String letter = CellReference.convertNumToColString(c);
            String key = !label.isEmpty() && labels.get(label) == 1 ? label : letter;
            columns.add(new Column(key, letter, cell(grid, r + TYPE_ROW, c).trim(), cell(grid, r + OBJECT_ROW, c),
                    cell(grid, r + CODE_ROW, c), label));
        }
        List<TableRow> rows = new ArrayList<>();
        for (int d = r + LABEL_ROW + 1; ; d++) {
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < indexes.size(); i++) {
                String value = cell(grid, d, indexes.get(i));
                if (!value.isBlank()) {
                    values.put(columns.get(i).key(), value);
                }
            }
            if (values.isEmpty()) {
                break;
            }
            rows.add(new TableRow(d + 1, values));
        }
        return new Table(name, r + 1, columns, rows);
    }

    private static String cell(TreeMap<Integer, TreeMap<Integer, String>> grid, int row, int column) {
        TreeMap<Integer, String> cells = grid.get(row);
        return cells == null ? "" : cells.getOrDefault(column, "");
    }

    static String address(int row, int column) {
        return CellReference.convertNumToColString(column) + (row + 1);
    }

    /** Orders addresses as a reader scans a sheet: by row, then by column. */
    private static int byAddress(String a, String b) {
        CellReference x = new CellReference(a);
        CellReference y = new CellReference(b);
        return x.getRow() != y.getRow() ? Integer.compare(x.getRow(), y.getRow()) : Integer.compare(x.getCol(), y.getCol());
    }
}
