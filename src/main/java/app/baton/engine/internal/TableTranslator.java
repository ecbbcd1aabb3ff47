package app.baton.engine.internal;

import app.baton.engine.CompileProblem;
import app.baton.engine.RuleSource;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.drools.decisiontable.parser.DefaultRuleSheetListener;
import org.drools.decisiontable.parser.xls.ExcelParser;
import org.drools.template.model.Condition;
import org.drools.template.model.Consequence;
import org.drools.template.model.DRLOutput;
import org.drools.template.model.Package;
import org.drools.template.model.Rule;
import org.drools.template.parser.DataListener;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders each sheet of an Excel decision table as DRL through Drools' own table parser, keeping
 * the sheet and row of every rule it generates. Compiling the DRL (not the workbook) is what keeps
 * a row traceable when a NAME column replaces Drools' row-numbered rule names.
 */
public final class TableTranslator {

    private static final Pattern PATTERN = Pattern.compile("^\\s*(\\$\\w+)\\s*:\\s*/\\w+");

    private TableTranslator() {
    }

    /** The translated sheets; problems (error cells, parse errors) are added to {@code problems}. */
    public static List<TranslatedTable> translate(String file, byte[] content, List<CompileProblem> problems) {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(content))) {
            int before = problems.size();
            rejectErrorCells(file, workbook, problems);
            if (problems.size() > before) {
                return List.of();
            }
            Map<String, DefaultRuleSheetListener> listeners = new LinkedHashMap<>();
            Map<String, List<DataListener>> bySheet = new LinkedHashMap<>();
            for (Sheet sheet : workbook) {
                DefaultRuleSheetListener listener = new DefaultRuleSheetListener();
                listeners.put(sheet.getSheetName(), listener);
                bySheet.put(sheet.getSheetName(), List.of(listener));
            }
            new ExcelParser(bySheet).parseWorkbook(workbook);
            List<TranslatedTable> tables = new ArrayList<>();
            listeners.forEach((sheet, listener) -> render(file, sheet, listener).ifPresent(tables::add));
            if (tables.isEmpty()) {
                problems.add(new CompileProblem(file, null, null, null,
                        "no rules found: a decision table needs a RuleSet cell and at least one RuleTable with rows"));
            }
            return tables;
        } catch (IOException | RuntimeException e) {
            problems.add(new CompileProblem(file, null, null, null, "cannot read the decision table: " + e.getMessage()));
            return List.of();
        }
    }

    private static java.util.Optional<TranslatedTable> render(String file, String sheet, DefaultRuleSheetListener listener) {
        Package ruleSet = listener.getRuleSet();
        if (ruleSet == null || ruleSet.getRules().isEmpty()) {
            return java.util.Optional.empty();
        }
        bindBlankPatterns(ruleSet.getRules());
        Map<String, RuleSource> sources = new LinkedHashMap<>();
        for (Rule rule : ruleSet.getRules()) {
            sources.put(unquote(rule.getName()), new RuleSource(file, sheet, rule.getSpreadsheetRowNumber()));
        }
        DRLOutput out = new DRLOutput();
        ruleSet.renderDRL(out);
        String drl = out.getDRL();
        return java.util.Optional.of(new TranslatedTable(file, sheet, drl, sources, DrlIndex.ruleStarts(drl)));
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
                    Condition bare = new Condition();
                    bare.setSnippet(pattern);
                    missing.add(bare);
                }
            });
            rule.getConditions().addAll(0, missing);
        }
    }

    /**
     * A cell holding an error (#NAME?, #DIV/0!) or a formula POI cannot evaluate would otherwise
     * compile to a silent wrong value; reject it and name the cell.
     */
    private static void rejectErrorCells(String file, Workbook workbook, List<CompileProblem> problems) {
        FormulaEvaluator evaluator = workbook.getCreationHelper().createFormulaEvaluator();
        for (Sheet sheet : workbook) {
            for (Row row : sheet) {
                for (Cell cell : row) {
                    String problem = cellProblem(cell, evaluator);
                    if (problem != null) {
                        problems.add(new CompileProblem(file, sheet.getSheetName(),
                                cell.getAddress().formatAsString(), null, problem));
                    }
                }
            }
        }
    }

    private static String cellProblem(Cell cell, FormulaEvaluator evaluator) {
        if (cell.getCellType() == CellType.ERROR) {
            return "the cell holds an error value, not data";
        }
        if (cell.getCellType() != CellType.FORMULA) {
            return null;
        }
        try {
            CellType result = evaluator.evaluate(cell).getCellType();
            return result == CellType.ERROR ? "the formula evaluates to an error" : null;
        } catch (RuntimeException e) {
            return "the formula '" + cell.getCellFormula() + "' cannot be evaluated; type the value instead";
        }
    }
}
