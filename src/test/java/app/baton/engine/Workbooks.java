package app.baton.engine;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

/** Test helpers that build or change Excel decision tables in memory. */
public final class Workbooks {

    private Workbooks() {
    }

    /** A workbook with one sheet whose rows are the given cell texts (null or "" leaves a cell out). */
    public static byte[] sheet(String name, String[][] rows) {
        try (Workbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet(name);
            for (int r = 0; r < rows.length; r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    if (rows[r][c] != null && !rows[r][c].isEmpty()) {
                        row.createCell(c).setCellValue(rows[r][c]);
                    }
                }
            }
            return bytes(workbook);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A copy of the workbook with one change applied to it. */
    public static byte[] edit(byte[] content, Consumer<Workbook> change) {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(content))) {
            change.accept(workbook);
            return bytes(workbook);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The cell at an Excel address such as "E11" of the first sheet, created if absent. */
    public static Cell cell(Workbook workbook, String address) {
        var ref = new org.apache.poi.ss.util.CellReference(address);
        Sheet sheet = workbook.getSheetAt(0);
        var row = sheet.getRow(ref.getRow()) == null ? sheet.createRow(ref.getRow()) : sheet.getRow(ref.getRow());
        return row.getCell(ref.getCol()) == null ? row.createCell(ref.getCol()) : row.getCell(ref.getCol());
    }

    private static byte[] bytes(Workbook workbook) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        workbook.write(out);
        return out.toByteArray();
    }
}
