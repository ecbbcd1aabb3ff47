package app.baton.ruleset;

import app.baton.engine.Workbooks;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The change the governance tests make, as a clinical lead would: TCM interactive contacts move
 * from the care coordinators to the nurses. The routing table's row changes, and so do the TCM
 * scenarios that pin the old queue, or the test gate would (rightly) stop the version.
 */
public final class RoutingChange {

    public static final String OLD_QUEUE = "CARE_COORDINATION";
    public static final String NEW_QUEUE = "NURSING";

    private RoutingChange() {
    }

    /** The routing table with the TCM interactive-contact row sent to the nurses; the Excel row number is kept in {@code row}. */
    public static byte[] routingTable(byte[] table) {
        return Workbooks.edit(table, workbook -> {
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter format = new DataFormatter();
            for (Row row : sheet) {
                if (text(format, row, 0).equals("TCM") && text(format, row, 1).equals("TCM_INTERACTIVE_CONTACT")
                        && row.getCell(6) != null && text(format, row, 6).equals(OLD_QUEUE)) {
                    row.getCell(6).setCellValue(NEW_QUEUE);
                    row.getCell(7).setCellValue("CLINICAL_STAFF");
                    return;
                }
            }
            throw new IllegalStateException("the routing table has no TCM interactive-contact row for " + OLD_QUEUE);
        });
    }

    /** The Excel row (1-based) of the TCM interactive-contact row. */
    public static int routingRow(byte[] table) {
        int[] found = {-1};
        Workbooks.edit(table, workbook -> {
            DataFormatter format = new DataFormatter();
            for (Row row : workbook.getSheetAt(0)) {
                if (text(format, row, 0).equals("TCM") && text(format, row, 1).equals("TCM_INTERACTIVE_CONTACT")
                        && text(format, row, 2).isEmpty() && text(format, row, 3).isEmpty()) {
                    found[0] = row.getRowNum() + 1;
                    return;
                }
            }
        });
        return found[0];
    }

    /** The TCM scenarios expecting the nurses where they expected the care coordinators. */
    public static byte[] tcmScenarios(byte[] yaml) {
        String text = new String(yaml, StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("queue: " + OLD_QUEUE + "(\\s+)role: CARE_COORDINATOR").matcher(text);
        String changed = m.replaceAll("queue: " + NEW_QUEUE + "$1role: CLINICAL_STAFF")
                .replace("queue: " + OLD_QUEUE + "\n", "queue: " + NEW_QUEUE + "\n")
                .replace(OLD_QUEUE + "_LEAD", NEW_QUEUE + "_LEAD");
        return changed.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(DataFormatter format, Row row, int column) {
        Cell cell = row.getCell(column);
        return cell == null ? "" : format.formatCellValue(cell).trim();
    }
}
