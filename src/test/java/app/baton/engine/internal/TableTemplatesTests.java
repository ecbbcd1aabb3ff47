package app.baton.engine.internal;

import app.baton.engine.RuleFile;
import app.baton.engine.StarterFiles;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.drools.decisiontable.parser.xls.ExcelParser;
import org.drools.template.parser.DataListener;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The allow-list of table templates is versioned with the starter tables: every code cell a starter
 * table ships is allowed for its kind, and the list allows nothing that no starter table ships.
 */
class TableTemplatesTests {

    /** A kind of table as its starter table spells it: templates by pattern, and actions. */
    private record Shipped(Map<String, Set<String>> conditions, Set<String> actions) {
    }

    @Test
    void theAllowListIsExactlyWhatTheStarterTablesShip() throws IOException {
        Map<String, Shipped> starter = new TreeMap<>();
        for (RuleFile file : StarterFiles.load()) {
            if (file.isDecisionTable()) {
                String name = file.path().substring(file.path().lastIndexOf('/') + 1).replace(".drl.xlsx", "");
                starter.put(name, read(file.content()));
            }
        }
        Map<String, Shipped> allowed = new TreeMap<>();
        for (TableTemplates.Kind kind : TableTemplates.KINDS) {
            Map<String, Set<String>> conditions = new TreeMap<>();
            kind.conditions().forEach((pattern, templates) -> conditions.put(pattern, new TreeSet<>(templates)));
            allowed.put(kind.name(), new Shipped(conditions, new TreeSet<>(kind.actions())));
        }

        assertThat(allowed).isEqualTo(starter);
    }

    @Test
    void everyRowAboveAStarterTableIsASetting() throws IOException {
        Set<String> keywords = new LinkedHashSet<>();
        for (RuleFile file : StarterFiles.load()) {
            if (file.isDecisionTable()) {
                for (SheetRecorder recorder : recorders(file.content()).values()) {
                    recorder.settings().keySet().forEach(keywords::add);
                }
            }
        }

        assertThat(keywords).isNotEmpty().allSatisfy(keyword -> assertThat(TableTemplates.SETTINGS)
                .anySatisfy(setting -> assertThat(setting.keyword()).isEqualToIgnoringCase(keyword)));
    }

    private static Shipped read(byte[] content) throws IOException {
        Map<String, Set<String>> conditions = new TreeMap<>();
        Set<String> actions = new TreeSet<>();
        recorders(content).forEach((sheet, recorder) -> {
            for (TableLayout table : TableLayout.of(recorder.recorded(sheet))) {
                for (TableLayout.Column column : table.columns()) {
                    if (column.is("CONDITION")) {
                        conditions.computeIfAbsent(column.objectType(), p -> new TreeSet<>()).add(column.snippet());
                    } else if (column.is("ACTION")) {
                        actions.add(column.snippet());
                    }
                }
            }
        });
        return new Shipped(conditions, actions);
    }

    private static Map<String, SheetRecorder> recorders(byte[] content) throws IOException {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(content))) {
            Map<String, SheetRecorder> recorders = new LinkedHashMap<>();
            Map<String, List<DataListener>> listeners = new LinkedHashMap<>();
            for (Sheet sheet : workbook) {
                SheetRecorder recorder = new SheetRecorder();
                recorders.put(sheet.getSheetName(), recorder);
                listeners.put(sheet.getSheetName(), List.of(recorder));
            }
            new ExcelParser(listeners).parseWorkbook(workbook);
            return recorders;
        }
    }
}
