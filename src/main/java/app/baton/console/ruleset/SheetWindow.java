package app.baton.console.ruleset;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A few rows of a sheet around the cell a validation problem names, as the clinical lead sees them in
 * Excel: column letters, row numbers, the cells' shown values, and the named cell (or row) marked.
 * Only opened for a problem the validator placed on a cell, so the workbook already passed its checks
 * on size, type and zip bombs.
 */
record SheetWindow(String sheet, String at, List<String> columns, List<GridRow> rows) {

    private static final int ROWS_AROUND = 3;
    private static final int MAX_COLUMNS = 16;
    private static final Pattern CELL = Pattern.compile("^([A-Z]{1,3})(\\d+)(?::([A-Z]{1,3})(\\d+))?$");
    private static final Pattern ROW = Pattern.compile("^row (\\d+)$");

    record GridCell(String address, String value, boolean named) {
    }

    record GridRow(int number, boolean named, List<GridCell> cells) {
    }

    /** The window around {@code at} (e.g. G17, A12:B12 or row 14); empty when the place cannot be found. */
    static Optional<SheetWindow> around(byte[] workbook, String sheetName, String at) {
        if (workbook == null || sheetName == null || at == null) {
            return Optional.empty();
        }
        int firstRow, lastRow, firstCol, lastCol;
        Matcher cell = CELL.matcher(at.trim());
        Matcher row = ROW.matcher(at.trim());
        if (cell.matches()) {
            firstCol = CellReference.convertColStringToIndex(cell.group(1));
            firstRow = Integer.parseInt(cell.group(2)) - 1;
            lastCol = cell.group(3) == null ? firstCol : CellReference.convertColStringToIndex(cell.group(3));
            lastRow = cell.group(4) == null ? firstRow : Integer.parseInt(cell.group(4)) - 1;
        } else if (row.matches()) {
            firstRow = lastRow = Integer.parseInt(row.group(1)) - 1;
            firstCol = 0;
            lastCol = Integer.MAX_VALUE;
        } else {
            return Optional.empty();
        }
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            Sheet sheet = book.getSheet(sheetName);
            if (sheet == null) {
                return Optional.empty();
            }
            return Optional.of(window(sheet, at, firstRow, lastRow, firstCol, lastCol));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static SheetWindow window(Sheet sheet, String at, int firstRow, int lastRow, int firstCol, int lastCol) {
        DataFormatter format = new DataFormatter();
        int from = Math.max(0, firstRow - ROWS_AROUND);
        int to = lastRow + ROWS_AROUND;
        int width = 0;
        for (int r = from; r <= to; r++) {
            Row row = sheet.getRow(r);
            if (row != null && row.getLastCellNum() > width) {
                width = row.getLastCellNum();
            }
        }
        width = Math.min(Math.max(width, Math.min(firstCol + 1, MAX_COLUMNS)), MAX_COLUMNS);
        List<String> columns = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            columns.add(CellReference.convertNumToColString(c));
        }
        List<GridRow> rows = new ArrayList<>();
        for (int r = from; r <= to; r++) {
            Row row = sheet.getRow(r);
            boolean rowNamed = r >= firstRow && r <= lastRow;
            List<GridCell> cells = new ArrayList<>();
            for (int c = 0; c < width; c++) {
                Cell value = row == null ? null : row.getCell(c);
                String address = CellReference.convertNumToColString(c) + (r + 1);
                cells.add(new GridCell(address, value == null ? "" : format.formatCellValue(value),
                        rowNamed && c >= firstCol && c <= lastCol));
            }
            rows.add(new GridRow(r + 1, rowNamed, cells));
        }
        return new SheetWindow(sheet.getSheetName(), at, columns, rows);
    }
}
