package app.baton.engine.internal;

import app.baton.engine.CompileProblem;
import app.baton.engine.internal.TableTemplates.Kind;
import app.baton.engine.internal.TableTemplates.Setting;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Holds a sheet's code cells to {@link TableTemplates}: the rows outside its tables, and each
 * table's name, column kinds, patterns and templates. Anything else is refused on its cell. A cell
 * that another check already reported in plainer words (a misspelt property, say) is not reported
 * twice.
 */
final class CodeCells {

    /** A table's name becomes part of every rule name, inside a string literal of the generated rules. */
    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_ -]{0,99}");
    /** The row number at the end of a cell name as Drools writes it ("B5"). */
    private static final Pattern ROW_NUMBER = Pattern.compile("([0-9]+)$");
    private static final String STRUCTURE = "the rows of a table above its first rule row are its structure: copy them from the starter table";

    private final String file;
    private final SheetCells cells;
    private final List<CompileProblem> problems;
    private final Set<String> reported = new HashSet<>();

    private CodeCells(String file, SheetCells cells, List<CompileProblem> problems) {
        this.file = file;
        this.cells = cells;
        this.problems = problems;
        problems.stream().filter(p -> file.equals(p.file()) && cells.sheet().equals(p.sheet())).forEach(p -> reported.add(p.cell()));
    }

    /**
     * The rows outside the sheet's tables, as Drools read them (keyword, then value and the value's
     * cell). Checked before Drools builds anything from them: it would turn them into imports,
     * functions, globals, queries, declared types or attributes of every rule.
     */
    static void checkSettings(String file, SheetCells cells, Map<String, List<String[]>> settings, List<CompileProblem> problems) {
        CodeCells check = new CodeCells(file, cells, problems);
        settings.forEach((keyword, values) -> values.forEach(value -> check.setting(keyword.trim(), value[0], value[1])));
    }

    /** Each table's name, column kinds, patterns and templates. */
    static void checkTables(String file, SheetCells cells, List<TableLayout> tables, List<CompileProblem> problems) {
        CodeCells check = new CodeCells(file, cells, problems);
        tables.forEach(check::table);
    }

    private void setting(String keyword, String value, String droolsCell) {
        Optional<Setting> setting = TableTemplates.SETTINGS.stream().filter(s -> s.keyword().equalsIgnoreCase(keyword)).findFirst();
        Matcher number = ROW_NUMBER.matcher(droolsCell);
        int index = number.find() ? Integer.parseInt(number.group(1)) - 1 : -1;
        TreeMap<Integer, String> row = cells.rows().get(index);
        if (row == null || row.isEmpty()) {
            return;
        }
        // The keyword is the row's first cell and its value the next one (Drools reads it so), or the cell to its right when blank.
        Map.Entry<Integer, String> key = row.firstEntry();
        Map.Entry<Integer, String> next = row.higherEntry(key.getKey());
        String at = SheetCells.address(index, next == null ? key.getKey() + 1 : next.getKey());
        if (setting.isEmpty()) {
            problem(at, "'" + shorten(key.getValue()) + "' rows are not part of Baton's tables" + (value.isBlank() ? "" : " ('" + shorten(value) + "')")
                    + ": the tables need no Import, Functions, Variables, Queries or Declare rows and no rule attributes above a table;"
                    + " outside its tables a sheet holds RuleSet, Unit, Sequential and Notes rows only: remove this row, or move the text into Notes");
        } else if (!setting.get().values().isEmpty() && !setting.get().values().contains(value.trim())) {
            problem(at, setting.get().keyword() + " must be " + String.join(" or ", setting.get().values()) + ", not '" + shorten(value) + "'");
        }
    }

    private void table(TableLayout table) {
        if (!TABLE_NAME.matcher(table.name()).matches()) {
            problem(SheetCells.address(table.startRow(), table.startColumn()), "a table's name is letters, digits, spaces, - and _,"
                    + " starting with a letter (like RuleTable TaskRouting), not '" + shorten(table.name()) + "'");
        }
        Optional<Kind> kind = table.columns().stream().filter(c -> c.is("ACTION"))
                .map(c -> TableTemplates.kindOfAction(c.snippet())).flatMap(Optional::stream).findFirst();
        for (TableLayout.Column column : table.columns()) {
            if (!TableTemplates.COLUMN_KINDS.contains(column.keyword())) {
                problem(table, TableLayout.KEYWORD_ROW, column.index(), "'" + shorten(column.keyword()) + "' is not a kind of column of Baton's"
                        + " tables: a column is CONDITION, ACTION, ACTIVATION-GROUP (first match wins), NAME, DATE-EFFECTIVE or DATE-EXPIRES; " + STRUCTURE);
            } else if (column.is("CONDITION")) {
                condition(table, column, kind);
            } else if (column.is("ACTION")) {
                action(table, column, kind);
            } else {
                noCode(table, column, TableLayout.OBJECT_TYPE_ROW);
                noCode(table, column, TableLayout.SNIPPET_ROW);
            }
        }
    }

    private void condition(TableLayout table, TableLayout.Column column, Optional<Kind> kind) {
        String pattern = column.objectType();
        Set<String> patterns = kind.map(k -> k.conditions().keySet()).orElseGet(TableTemplates::patterns);
        if (!patterns.contains(pattern)) {
            int typeRow = table.row(TableLayout.OBJECT_TYPE_ROW);
            problem(SheetCells.address(typeRow, cells.mergeStart(typeRow, column.index()).orElse(column.index())), "'" + shorten(pattern)
                    + "' is not a pattern Baton ships for " + noun(kind) + ": use " + words(patterns) + "; " + STRUCTURE);
            return;
        }
        Set<String> templates = new LinkedHashSet<>();
        kind.ifPresentOrElse(k -> templates.addAll(k.conditionsUnder(pattern)),
                () -> TableTemplates.KINDS.forEach(k -> templates.addAll(k.conditionsUnder(pattern))));
        if (!templates.contains(column.snippet())) {
            problem(table, TableLayout.SNIPPET_ROW, column.index(), "this code cell is not one of the templates Baton ships for "
                    + noun(kind) + "'s conditions on " + pattern + ": use one of " + words(templates) + "; " + STRUCTURE);
        }
    }

    private void action(TableLayout table, TableLayout.Column column, Optional<Kind> kind) {
        if (!column.objectType().isEmpty()) {
            problem(table, TableLayout.OBJECT_TYPE_ROW, column.index(), "an ACTION column takes no pattern (its template names the fact"
                    + " it changes): leave this cell empty; " + STRUCTURE);
        }
        Set<String> templates = new LinkedHashSet<>();
        kind.ifPresentOrElse(k -> templates.addAll(k.actions()), () -> TableTemplates.KINDS.forEach(k -> templates.addAll(k.actions())));
        if (!templates.contains(column.snippet())) {
            problem(table, TableLayout.SNIPPET_ROW, column.index(), "this code cell is not one of the templates Baton ships for "
                    + noun(kind) + "'s actions: use one of " + words(templates) + "; " + STRUCTURE);
        }
    }

    private void noCode(TableLayout table, TableLayout.Column column, int offset) {
        if (!cells.text(table.row(offset), column.index()).isEmpty()) {
            problem(table, offset, column.index(), column.keyword() + " columns take no code: leave this cell empty; " + STRUCTURE);
        }
    }

    private static String noun(Optional<Kind> kind) {
        return kind.map(k -> "a " + k.name() + " table").orElse("any table");
    }

    private static String words(Set<String> templates) {
        return String.join("  or  ", templates);
    }

    private static String shorten(String text) {
        String line = text.replaceAll("\\s+", " ").trim();
        return line.length() <= 80 ? line : line.substring(0, 77) + "...";
    }

    private void problem(TableLayout table, int offset, int column, String message) {
        problem(SheetCells.address(table.row(offset), column), message);
    }

    private void problem(String cell, String message) {
        if (reported.add(cell)) {
            problems.add(new CompileProblem(file, cells.sheet(), cell, null, message));
        }
    }
}
