package app.baton.review;

import app.baton.engine.RuleFile;
import app.baton.engine.Workbooks;
import app.baton.ruleset.RuleSetBundle;
import app.baton.ruleset.RuleSets;
import org.apache.poi.ss.usermodel.Workbook;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Stores candidate rule set versions for tests, as DRAFT rows beside version 1, until the upload
 * API exists: version 1's files with one table changed through POI.
 */
public final class TestVersions {

    public static final String ROUTING = "decision-tables/app/baton/engine/model/routing.drl.xlsx";

    private final JdbcClient jdbc;
    private final RuleSets ruleSets;

    public TestVersions(JdbcClient jdbc, RuleSets ruleSets) {
        this.jdbc = jdbc;
        this.ruleSets = ruleSets;
    }

    /** A new DRAFT version: version 1 with {@code change} applied to the first sheet of {@code table}. */
    public int withTable(String table, Consumer<Workbook> change) {
        List<RuleFile> files = new ArrayList<>();
        for (RuleFile file : ruleSets.files(1)) {
            files.add(file.path().equals(table) ? new RuleFile(file.path(), Workbooks.edit(file.content(), change)) : file);
        }
        return store(files);
    }

    /** Version 1's routing table with one cell (e.g. "G28", the queue of TCM interactive contact) set to a text. */
    public int withRoutingCell(String address, String value) {
        return withTable(ROUTING, wb -> Workbooks.cell(wb, address).setCellValue(value));
    }

    /** Version 1's routing table without one row (1-based Excel row number); the rows below move up. */
    public int withoutRoutingRow(int excelRow) {
        return withTable(ROUTING, wb -> {
            var sheet = wb.getSheetAt(0);
            sheet.removeRow(sheet.getRow(excelRow - 1));
            sheet.shiftRows(excelRow, sheet.getLastRowNum(), -1);
        });
    }

    private synchronized int store(List<RuleFile> files) {
        int version = jdbc.sql("select coalesce(max(version), 0) + 1 from rule_set_version").query(Integer.class).single();
        jdbc.sql("""
                insert into rule_set_version (version, sha256, status, author, change_note)
                values (:version, :sha256, 'DRAFT', 'clinlead', 'test candidate')
                """)
                .param("version", version)
                .param("sha256", new RuleSetBundle(files).sha256())
                .update();
        for (RuleFile file : files) {
            jdbc.sql("""
                    insert into rule_set_file (version, path, sha256, content)
                    values (:version, :path, :sha256, :content)
                    """)
                    .param("version", version)
                    .param("path", file.path())
                    .param("sha256", RuleSetBundle.sha256(file.content()))
                    .param("content", file.content())
                    .update();
        }
        return version;
    }
}
