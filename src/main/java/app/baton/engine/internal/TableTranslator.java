package app.baton.engine.internal;

import app.baton.engine.CompileProblem;
import app.baton.engine.RuleSource;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;
import org.drools.decisiontable.parser.xls.ExcelParser;
import org.drools.template.model.Condition;
import org.drools.template.model.Consequence;
import org.drools.template.model.DRLOutput;
import org.drools.template.model.Package;
import org.drools.template.model.Rule;
import org.drools.template.parser.DataListener;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders each sheet of an Excel decision table as DRL through Drools' own table parser, keeping
 * the sheet and row of every rule it generates. Compiling the DRL (not the workbook) is what keeps
 * a row traceable when a NAME column replaces Drools' row-numbered rule names. Before anything is
 * rendered, the file, the sheet's structure and every rule row are checked, so that a problem is
 * reported on its cell in words, not as a compiler message or a wrong decision; and every code
 * cell must be one Baton ships ({@link TableTemplates}), so that a table never adds code.
 */
public final class TableTranslator {

    private static final Pattern PATTERN = Pattern.compile("^\\s*(\\$\\w+)\\s*:\\s*/\\w+");
    private static final Pattern CELL = Pattern.compile("\\b([A-Z]{1,3}[0-9]{1,7})\\b");
    /**
     * Rule rows per sheet. Measured (docs/performance.md): 10,000 rows take about a minute to
     * compile and keep about 700 MB of heap per version; 50,000 would take minutes and gigabytes.
     */
    public static final int MAX_RULE_ROWS = 10_000;

    private TableTranslator() {
    }

    /** The translated sheets; problems (unreadable file, error cells, bad rows) are added to {@code problems}. */
    public static List<TranslatedTable> translate(String file, byte[] content, List<CompileProblem> problems) {
        Optional<String> refused = WorkbookGuard.refuse(content);
        if (refused.isPresent()) {
            problems.add(new CompileProblem(file, null, null, null, refused.get()));
            return List.of();
        }
        Workbook workbook;
        try {
            workbook = WorkbookFactory.create(new ByteArrayInputStream(content));
        } catch (EncryptedDocumentException e) {
            problems.add(new CompileProblem(file, null, null, null, "the workbook is password-protected: remove the password, save, and upload again"));
            return List.of();
        } catch (Exception | LinkageError e) {
            problems.add(new CompileProblem(file, null, null, null, WorkbookGuard.damaged()));
            return List.of();
        }
        int before = problems.size();
        for (Sheet sheet : workbook) {
            // Refuse a far too long sheet before its cells are scanned and parsed (seconds per 10,000 rows).
            if (sheet.getPhysicalNumberOfRows() > MAX_RULE_ROWS + 100) {
                problems.add(new CompileProblem(file, sheet.getSheetName(), null, null, "the sheet has " + sheet.getPhysicalNumberOfRows()
                        + " rows; the limit is " + MAX_RULE_ROWS + " rule rows per sheet: split the table or merge rows that decide the same"));
            }
        }
        if (problems.size() > before) {
            close(workbook);
            return List.of();
        }
        ErrorCells.reject(file, workbook, problems);
        if (problems.size() > before) {
            close(workbook);
            return List.of();
        }
        Map<String, SheetRecorder> listeners = new LinkedHashMap<>();
        Map<String, List<DataListener>> bySheet = new LinkedHashMap<>();
        Map<String, List<CellRangeAddress>> merged = new LinkedHashMap<>();
        for (Sheet sheet : workbook) {
            SheetRecorder listener = new SheetRecorder();
            listeners.put(sheet.getSheetName(), listener);
            bySheet.put(sheet.getSheetName(), List.of(listener));
            merged.put(sheet.getSheetName(), sheet.getMergedRegions());
        }
        try {
            new ExcelParser(bySheet).parseWorkbook(workbook);
        } catch (RuntimeException e) {
            problems.add(parseProblem(file, listeners, e));
            return List.of();
        }
        List<TranslatedTable> tables = new ArrayList<>();
        listeners.forEach((sheet, listener) -> render(file, sheet, listener, merged.get(sheet), problems).ifPresent(tables::add));
        if (tables.isEmpty() && problems.size() == before) {
            problems.add(new CompileProblem(file, null, null, null,
                    "no rules found: a decision table needs a RuleSet cell and at least one RuleTable with rows"));
        }
        return tables;
    }

    private static Optional<TranslatedTable> render(String file, String sheet, SheetRecorder listener, List<CellRangeAddress> merged,
                                                    List<CompileProblem> problems) {
        SheetCells cells = listener.recorded(sheet);
        List<TableLayout> layouts = TableLayout.of(cells);
        if (layouts.isEmpty()) {
            return Optional.empty();
        }
        int before = problems.size();
        SheetStructure.check(file, cells, layouts, merged, problems);
        // Drools turns the rows above a table into imports, functions and rule attributes when it builds the rule set.
        CodeCells.checkSettings(file, cells, listener.settings(), problems);
        if (problems.size() > before) {
            CodeCells.checkTables(file, cells, layouts, problems);
            return Optional.empty();
        }
        Package ruleSet = listener.getRuleSet();
        if (ruleSet == null || ruleSet.getRules().isEmpty()) {
            return Optional.empty();
        }
        if (ruleSet.getRules().size() > MAX_RULE_ROWS) {
            problems.add(new CompileProblem(file, sheet, null, null, "the sheet has " + ruleSet.getRules().size()
                    + " rule rows; the limit is " + MAX_RULE_ROWS + " per sheet: split the table or merge rows that decide the same"));
            return Optional.empty();
        }
        Map<Integer, TableChecks.Effective> effective = new LinkedHashMap<>();
        Map<Integer, String> factSources = new LinkedHashMap<>();
        for (int t = 0; t < layouts.size(); t++) {
            TableLayout layout = layouts.get(t);
            int end = t + 1 < layouts.size() ? layouts.get(t + 1).startRow() : Integer.MAX_VALUE;
            List<Integer> rows = ruleSet.getRules().stream().map(r -> r.getSpreadsheetRowNumber() - 1)
                    .filter(r -> r > layout.startRow() && r < end).toList();
            effective.putAll(TableChecks.check(file, cells, layout, rows, problems));
            String factSource = factSource(layout);
            rows.forEach(row -> factSources.put(row, factSource));
        }
        // Last, so that a code cell the column checks already explained in plainer words is not reported twice.
        CodeCells.checkTables(file, cells, layouts, problems);
        if (problems.size() > before) {
            return Optional.empty();
        }
        bindBlankPatterns(ruleSet.getRules());
        Map<String, RuleSource> sources = new LinkedHashMap<>();
        for (Rule rule : ruleSet.getRules()) {
            sources.put(unquote(rule.getName()), new RuleSource(file, sheet, rule.getSpreadsheetRowNumber()));
            TableChecks.Effective dates = effective.get(rule.getSpreadsheetRowNumber() - 1);
            if (dates != null) {
                TableChecks.asOfCondition(dates, factSources.getOrDefault(rule.getSpreadsheetRowNumber() - 1, "tasks")).ifPresent(snippet -> rule.getConditions().add(condition(snippet)));
            }
        }
        DRLOutput out = new DRLOutput();
        ruleSet.renderDRL(out);
        String drl = out.getDRL();
        return Optional.of(new TranslatedTable(file, sheet, drl, sources, DrlIndex.ruleStarts(drl)));
    }

    /** The data source the table's first pattern reads ("tasks" or "plans"), where an effective date is tested. */
    private static String factSource(TableLayout layout) {
        for (TableLayout.Column column : layout.columns()) {
            Matcher m = PATTERN.matcher(column.objectType());
            if (m.find()) {
                return m.group(0).substring(m.group(0).indexOf('/') + 1);
            }
        }
        return "tasks";
    }

    /** Drools stops at the first header it cannot read; its message names the cell, which becomes the problem's place. */
    private static CompileProblem parseProblem(String file, Map<String, SheetRecorder> listeners, RuntimeException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().replace('\n', ' ').trim();
        Matcher cell = CELL.matcher(message);
        String sheet = listeners.size() == 1 ? listeners.keySet().iterator().next() : null;
        return new CompileProblem(file, sheet, sheet != null && cell.find() ? cell.group(1) : null, null,
                "the table's header cannot be read: " + message);
    }

    private static Condition condition(String snippet) {
        Condition condition = new Condition();
        condition.setSnippet(snippet);
        return condition;
    }

    private static String unquote(String name) {
        String trimmed = name.trim();
        return trimmed.length() > 1 && trimmed.startsWith("\"") && trimmed.endsWith("\"")
                ? trimmed.substring(1, trimmed.length() - 1) : trimmed;
    }

    /**
     * Drools leaves a pattern out when all of its cells in a row are blank, which unbinds the
     * variable the actions use. A blank row means "any task", so put the bare pattern back.
     */
    private static void bindBlankPatterns(List<Rule> rules) {
        Map<String, String> barePatterns = new LinkedHashMap<>();
        for (Rule rule : rules) {
            for (Condition condition : rule.getConditions()) {
                Matcher m = PATTERN.matcher(condition.getSnippet());
                if (m.find()) {
                    barePatterns.putIfAbsent(m.group(1), m.group(0));
                }
            }
        }
        for (Rule rule : rules) {
            String actions = rule.getConsequences().stream().map(Consequence::getSnippet).reduce("", String::concat);
            List<Condition> missing = new ArrayList<>();
            barePatterns.forEach((binding, pattern) -> {
                boolean bound = rule.getConditions().stream().anyMatch(c -> c.getSnippet().trim().startsWith(binding + ":"));
                if (!bound && actions.contains(binding)) {
                    missing.add(condition(pattern));
                }
            });
            rule.getConditions().addAll(0, missing);
        }
    }

    private static void close(Workbook workbook) {
        try {
            workbook.close();
        } catch (java.io.IOException e) {
            // read from memory: nothing to release that matters
        }
    }
}
