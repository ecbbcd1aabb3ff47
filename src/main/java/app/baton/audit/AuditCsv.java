package app.baton.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.List;

/**
 * Audit entries as CSV (RFC 4180: a field with a comma, quote or line break is quoted, quotes
 * doubled). A cell that a spreadsheet would run as a formula (starting with = + - @, tab or
 * carriage return) gets a leading apostrophe, so an actor name cannot become a formula.
 */
final class AuditCsv {

    static final List<String> HEADER = List.of("sequence_number", "id", "occurred_at", "actor", "actor_type", "patient_id",
            "action", "category", "object_type", "object_id", "outcome", "source_address", "correlation_id", "emergency",
            "details", "previous_hash", "hash");

    private final Writer out;

    AuditCsv(Writer out) {
        this.out = out;
    }

    void header() {
        line(HEADER);
    }

    void row(AuditEvent e) {
        line(Arrays.asList(String.valueOf(e.sequenceNumber()), e.id().toString(), AuditHash.occurredAt(e.occurredAt()),
                e.actor(), e.actorType(), e.patientId(), e.action(), e.category(), e.objectType(), e.objectId(), e.outcome(),
                e.sourceAddress(), e.correlationId(), String.valueOf(e.emergency()), AuditHash.detailsJson(e.details()),
                e.previousHash(), e.hash()));
    }

    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String safe = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        boolean quote = safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0 || safe.indexOf('\r') >= 0;
        return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }

    private void line(List<String> cells) {
        try {
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(cell(cells.get(i)));
            }
            out.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException("the CSV export could not be written", e);
        }
    }
}
