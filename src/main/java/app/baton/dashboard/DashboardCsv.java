package app.baton.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * RFC 4180 lines. Values are codes, ids, numbers and times, but every field is still quoted when it
 * needs to be, and a field that a spreadsheet would run as a formula is prefixed with an apostrophe.
 */
final class DashboardCsv {

    private final Writer writer;

    DashboardCsv(Writer writer) {
        this.writer = writer;
    }

    void line(Object... fields) {
        try {
            for (int i = 0; i < fields.length; i++) {
                if (i > 0) {
                    writer.write(',');
                }
                writer.write(field(fields[i]));
            }
            writer.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !text.matches("-?[0-9.]+")) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
