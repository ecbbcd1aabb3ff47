package app.baton.engine.internal;

import app.baton.engine.CompileProblem;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a table's header rows: which fact each CONDITION column tests and how, which method each
 * ACTION column calls, and what kind of value each column's cells must hold. A header that names
 * a fact, property or method the model does not have is reported on its cell in plain words,
 * before Drools' compiler would report it in its own.
 */
final class ColumnRules {

    /**
     * What a cell of the column must hold. TEXT is plain text, GROUP a first-match group word; ANY is
     * a column Baton could not read (refused by its header), whose cells are held to plain text.
     */
    enum ValueKind { CODE, WHOLE_NUMBER, YES_NO, DUE_TERM, DATE, TEXT, GROUP, ANY }

    /**
     * One column, read. {@code key} names what a CONDITION column constrains ("$t.program"), for
     * the overlap checks; {@code operator} is its comparison, or null when Baton cannot read it.
     */
    record ColumnRule(TableLayout.Column column, ValueKind kind, Vocabulary.Codes codes, String key, String operator) {
    }

    private static final Pattern SOURCE = Pattern.compile("^(?:(\\$\\w+)\\s*:\\s*)?/(\\w+)$");
    private static final Pattern COMPARISON = Pattern.compile("^(\\w+)\\s*(==|!=|>=|<=|>|<)\\s*(\"?)\\$param(\"?)$");
    private static final Pattern CALL = Pattern.compile("(\\$\\w+)\\.(\\w+)\\(([^()]*)\\)");

    private final String file;
    private final SheetCells cells;
    private final TableLayout table;
    private final List<CompileProblem> problems;
    /** Binding ("$t") to data source ("tasks"), and to the column its object type cell starts at. */
    private final Map<String, String> bindings = new LinkedHashMap<>();
    private final Map<String, Integer> declaredAt = new LinkedHashMap<>();

    private ColumnRules(String file, SheetCells cells, TableLayout table, List<CompileProblem> problems) {
        this.file = file;
        this.cells = cells;
        this.table = table;
        this.problems = problems;
    }

    /** The table's columns as rules for their cells; header problems are added to {@code problems}. */
    static List<ColumnRule> read(String file, SheetCells cells, TableLayout table, List<CompileProblem> problems) {
        ColumnRules reader = new ColumnRules(file, cells, table, problems);
        List<ColumnRule> rules = new ArrayList<>();
        for (TableLayout.Column column : table.columns()) {
            if (column.is("CONDITION")) {
                rules.add(reader.condition(column));
            }
        }
        for (TableLayout.Column column : table.columns()) {
            if (column.is("ACTION")) {
                rules.add(reader.action(column));
            } else if (column.is(SheetRecorder.DATE_EFFECTIVE) || column.is(SheetRecorder.DATE_EXPIRES)) {
                rules.add(new ColumnRule(column, ValueKind.DATE, null, null, null));
            } else if (column.is("ACTIVATION-GROUP")) {
                rules.add(new ColumnRule(column, ValueKind.GROUP, null, null, null));
            } else if (!column.is("CONDITION")) {
                rules.add(new ColumnRule(column, column.is("NAME") ? ValueKind.TEXT : ValueKind.ANY, null, null, null));
            }
        }
        return rules;
    }

    private ColumnRule condition(TableLayout.Column column) {
        ColumnRule unread = new ColumnRule(column, ValueKind.ANY, null, "column " + column.letter(), null);
        int typeRow = table.row(TableLayout.OBJECT_TYPE_ROW);
        Matcher source = SOURCE.matcher(column.objectType());
        if (column.objectType().isEmpty()) {
            problem(typeRow, column.index(), column.title() + " is a CONDITION without the fact it tests above it: the cells of this row"
                    + " over the conditions should be one merged cell holding the pattern, e.g. $t: /tasks (merge them again)");
            return unread;
        }
        if (!source.matches()) {
            return unread;
        }
        String binding = source.group(1) == null ? "/" + source.group(2) : source.group(1);
        String factSource = source.group(2);
        Class<?> fact = Vocabulary.SOURCES.get(factSource);
        if (fact == null) {
            problem(typeRow, column.index(), "'/" + factSource + "' is not something the rules can read; they read "
                    + String.join(", ", Vocabulary.SOURCES.keySet().stream().map(s -> "/" + s).toList()));
            return unread;
        }
        int start = cells.mergeStart(typeRow, column.index()).orElse(column.index());
        Integer first = declaredAt.putIfAbsent(binding, start);
        if (first != null && first != start) {
            problem(typeRow, column.index(), "'" + column.objectType() + "' is written again here, apart from column "
                    + SheetCells.letter(first) + ": merge the cells over all the conditions on " + binding + " into one");
        }
        bindings.put(binding, factSource);
        Matcher comparison = COMPARISON.matcher(column.snippet());
        if (!comparison.matches()) {
            return unread;
        }
        String property = comparison.group(1);
        int snippetRow = table.row(TableLayout.SNIPPET_ROW);
        Optional<Class<?>> type = Vocabulary.propertyType(fact, property);
        if (type.isEmpty()) {
            problem(snippetRow, column.index(), column.title() + " tests '" + property + "', which " + Vocabulary.factNoun(factSource)
                    + " does not have; it has " + String.join(", ", Vocabulary.propertyNames(fact)));
            return unread;
        }
        boolean quoted = !comparison.group(3).isEmpty() && !comparison.group(4).isEmpty();
        ValueKind kind = kind(type.get());
        if (kind == ValueKind.TEXT && !quoted || kind != ValueKind.TEXT && quoted || !comparison.group(3).equals(comparison.group(4))) {
            problem(snippetRow, column.index(), column.title() + " compares '" + property + "' with "
                    + (kind == ValueKind.TEXT ? "\"$param\" (text needs the quotes)" : "$param, without quotes (it is " + kindWords(kind) + ")"));
            return unread;
        }
        Optional<Vocabulary.Codes> codes = Vocabulary.propertyCodes(factSource, property);
        return new ColumnRule(column, codes.isPresent() ? ValueKind.CODE : kind, codes.orElse(null),
                binding + "." + property, comparison.group(2));
    }

    private ColumnRule action(TableLayout.Column column) {
        ColumnRule unread = new ColumnRule(column, ValueKind.ANY, null, null, null);
        Matcher call = CALL.matcher(column.snippet());
        while (call.find()) {
            if (!call.group(3).contains("$param")) {
                continue;
            }
            String factSource = bindings.get(call.group(1));
            int snippetRow = table.row(TableLayout.SNIPPET_ROW);
            if (factSource == null) {
                problem(snippetRow, column.index(), column.title() + " uses " + call.group(1) + ", which no CONDITION column binds");
                return unread;
            }
            Class<?> fact = Vocabulary.SOURCES.get(factSource);
            String[] arguments = call.group(3).split(",", -1);
            Optional<Method> method = Vocabulary.method(fact, call.group(2), arguments.length);
            if (method.isEmpty()) {
                problem(snippetRow, column.index(), column.title() + " calls '" + call.group(2) + "', which " + Vocabulary.factNoun(factSource)
                        + " does not have; it has " + String.join(", ", Vocabulary.actionNames(fact)));
                return unread;
            }
            int at = 0;
            while (!arguments[at].contains("$param")) {
                at++;
            }
            Class<?> type = method.get().getParameterTypes()[at];
            if (call.group(2).equals("due")) {
                return new ColumnRule(column, ValueKind.DUE_TERM, null, call.group(2), null);
            }
            Optional<Vocabulary.Codes> codes = Vocabulary.argumentCodes(call.group(2));
            return new ColumnRule(column, codes.isPresent() ? ValueKind.CODE : kind(type), codes.orElse(null), call.group(2), null);
        }
        return unread;
    }

    private static ValueKind kind(Class<?> type) {
        if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
            return ValueKind.WHOLE_NUMBER;
        }
        return type == boolean.class || type == Boolean.class ? ValueKind.YES_NO : ValueKind.TEXT;
    }

    static String kindWords(ValueKind kind) {
        return switch (kind) {
            case WHOLE_NUMBER -> "a whole number";
            case YES_NO -> "true or false";
            case DATE -> "a date";
            default -> "text";
        };
    }

    private void problem(int row, int column, String message) {
        problems.add(new CompileProblem(file, cells.sheet(), SheetCells.address(row, column), null, message));
    }
}
