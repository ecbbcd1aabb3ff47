package app.baton.audit;

import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class AuditCsvTests {

    @Test
    void plainValuesAreWrittenAsTheyAre() {
        assertThat(AuditCsv.cell("nurse")).isEqualTo("nurse");
        assertThat(AuditCsv.cell(null)).isEmpty();
    }

    @Test
    void commasQuotesAndLineBreaksAreQuoted() {
        assertThat(AuditCsv.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(AuditCsv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(AuditCsv.cell("two\nlines")).isEqualTo("\"two\nlines\"");
    }

    @Test
    void cellsThatASpreadsheetWouldRunAsFormulasAreNeutralized() {
        assertThat(AuditCsv.cell("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(AuditCsv.cell("+1")).isEqualTo("'+1");
        assertThat(AuditCsv.cell("-2+3")).isEqualTo("'-2+3");
        assertThat(AuditCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(AuditCsv.cell("\tcmd")).isEqualTo("'\tcmd");
    }

    @Test
    void rowHasOneCellPerHeaderColumn() {
        StringWriter out = new StringWriter();
        AuditCsv csv = new AuditCsv(out);
        csv.header();
        csv.row(new AuditEvent(UUID.fromString("7d3c1c56-1f0e-4a8e-9d8e-2f3f1a0b9c11"), 3, Instant.parse("2026-03-09T14:15:00.689Z"),
                "nurse", "USER", "pt-1", "READ", "DECISION", "decision", "d-1", "SUCCESS", "10.0.0.7", "c-1", false,
                Map.of("taskId", "t-1"), "0".repeat(64), "a".repeat(64)));

        String[] lines = out.toString().split("\r\n");
        assertThat(lines[0]).startsWith("sequence_number,id,occurred_at,actor");
        // occurred_at exactly as the hash reads it: six fraction digits, trailing zeros kept
        assertThat(lines[1]).isEqualTo("3,7d3c1c56-1f0e-4a8e-9d8e-2f3f1a0b9c11,2026-03-09T14:15:00.689000Z,nurse,USER,pt-1,READ,DECISION,"
                + "decision,d-1,SUCCESS,10.0.0.7,c-1,false,\"{\"\"taskId\"\":\"\"t-1\"\"}\"," + "0".repeat(64) + "," + "a".repeat(64));
    }
}
