package app.baton.engine.internal;

import app.baton.engine.CompileProblem;
import app.baton.engine.internal.ColumnRules.ColumnRule;
import app.baton.engine.internal.ColumnRules.ValueKind;
import app.baton.engine.model.SlaTerm;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks every rule row of one table, cell by cell (codes, numbers, due terms, dates), and hands
 * what each row asks for to {@link RowOverlaps}. Also reads the rows' effective dates, which the
 * translator turns into conditions on the decision's as-of date.
 */
final class TableChecks {

    /** A row's effective dates as ISO text; either may be null (open-ended). */
    record Effective(String from, String expires) {
    }

    private static final Pattern WHOLE = Pattern.compile("-?\\d{1,9}");
    private static final Pattern GROUP_WORD = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final DateTimeFormatter DROOLS_DATE = DateTimeFormatter.ofPattern("d-MMM-yyyy", Locale.ENGLISH);
    private static final String AS_OF = "as-of date";

    private final String file;
    private final SheetCells cells;
    private final List<CompileProblem> problems;
    private final Map<Integer, Effective> effective = new LinkedHashMap<>();

    private TableChecks(String file, SheetCells cells, List<CompileProblem> problems) {
        this.file = file;
        this.cells = cells;
        this.problems = problems;
    }

    /**
     * Checks the table's rule rows (0-based); adds problems, and returns each dated row's
     * effective dates by row.
     */
    static Map<Integer, Effective> check(String file, SheetCells cells, TableLayout table, List<Integer> rows, List<CompileProblem> problems) {
        TableChecks checks = new TableChecks(file, cells, problems);
        List<ColumnRule> columns = ColumnRules.read(file, cells, table, problems);
        List<RowOverlaps.Row> read = new ArrayList<>();
        for (int row : rows) {
            read.add(checks.row(row, columns));
        }
        RowOverlaps.check(file, cells.sheet(), table, columns, read, problems);
        return checks.effective;
    }

    private RowOverlaps.Row row(int row, List<ColumnRule> columns) {
        Map<String, Constraint> asks = new LinkedHashMap<>();
        Map<String, String> contradictions = new LinkedHashMap<>();
        Map<String, String> titles = new LinkedHashMap<>();
        Map<Integer, String> values = new LinkedHashMap<>();
        boolean acts = false;
        boolean hasActions = false;
        boolean unreadable = false;
        String from = null;
        String expires = null;
        for (ColumnRule rule : columns) {
            TableLayout.Column column = rule.column();
            String value = cells.text(row, column.index());
            hasActions |= column.is("ACTION");
            if (value.isEmpty()) {
                continue;
            }
            values.put(column.index(), value);
            acts |= column.is("ACTION");
            if (!valid(row, rule, value)) {
                unreadable = true;
                continue;
            }
            if (rule.kind() == ValueKind.DATE) {
                String date = date(value).toString();
                if (column.is(SheetRecorder.DATE_EFFECTIVE)) {
                    from = date;
                } else {
                    expires = date;
                }
            } else if (column.is("CONDITION")) {
                Constraint constraint = constraint(rule, value);
                Constraint before = asks.get(rule.key());
                Constraint both = before == null ? constraint : before.and(constraint);
                asks.put(rule.key(), both == null ? new Constraint.Opaque(rule.key() + "?" + row) : both);
                titles.merge(rule.key(), column.title(), (a, b) -> a + " and " + b);
                if (both == Constraint.NONE) {
                    contradictions.put(rule.key(), titles.get(rule.key()));
                }
            }
        }
        if (from != null || expires != null) {
            effective.put(row, new Effective(from, expires));
            long low = from == null ? Long.MIN_VALUE : LocalDate.parse(from).toEpochDay();
            long high = expires == null ? Long.MAX_VALUE : LocalDate.parse(expires).toEpochDay() - 1;
            asks.put(AS_OF, low > high ? Constraint.NONE : new Constraint.Range(low, high));
            if (low > high) {
                contradictions.put(AS_OF, "effective from " + from + " but expiring on " + expires);
            }
        }
        int number = row + 1;
        if (!contradictions.isEmpty()) {
            problems.add(new CompileProblem(file, cells.sheet(), "row " + number, null, "row " + number
                    + " can never fire: its cells contradict each other (" + String.join("; ", contradictions.values()) + ")"));
        }
        if (hasActions && !acts) {
            problems.add(new CompileProblem(file, cells.sheet(), "row " + number, null, "row " + number
                    + " has no result: fill in its result columns or delete the row"));
        }
        // A row with a cell Baton could not read is reported already; comparing it with others would guess.
        return new RowOverlaps.Row(number, asks, values, unreadable || !contradictions.isEmpty());
    }

    private boolean valid(int row, ColumnRule rule, String value) {
        String problem = switch (rule.kind()) {
            case CODE -> rule.codes().values().contains(value) ? null : "'" + value + "' is not a known " + rule.codes().noun() + "; "
                    + "known " + rule.codes().noun() + " codes are " + String.join(", ", rule.codes().values()) + " (codes are case-sensitive)";
            case WHOLE_NUMBER -> WHOLE.matcher(value).matches() ? null : rule.column().title() + " needs a whole number, not '" + value + "'";
            case YES_NO -> value.equals("true") || value.equals("false") ? null : rule.column().title() + " needs true or false, not '" + value + "'";
            case DUE_TERM -> SlaTerm.parse(value).isPresent() ? null : "'" + value
                    + "' is not a due term; write e.g. '2 business days after discharge' (see docs/clinical-lead-guide.md)";
            case DATE -> date(value) != null ? null : rule.column().title() + " needs a date such as 2026-04-01, not '" + value + "'";
            case GROUP -> GROUP_WORD.matcher(value).matches() ? null : rule.column().title()
                    + " holds the table's group word, such as routing: letters, digits, - and _ only";
            case TEXT, ANY -> plainText(value) ? null : rule.column().title() + " holds double quotes (\"), backslashes (\\) or line breaks,"
                    + " which a table cell cannot hold: write quotes as ' or “ ”, and the text on one line";
        };
        if (problem != null) {
            problems.add(new CompileProblem(file, cells.sheet(), SheetCells.address(row, rule.column().index()), null, problem));
        }
        return problem == null;
    }

    /**
     * Text reaches the generated rules inside a string literal of its template. A double quote or a
     * backslash (the start of a Java escape such as \u0022) could end that literal early and
     * whatever follows would run as code; a line break cannot be part of it. None has a place in
     * a code, a prompt or a reason.
     */
    static boolean plainText(String value) {
        return value.chars().noneMatch(c -> c == '"' || c == '\\' || Character.isISOControl(c) || c == '\u2028' || c == '\u2029');
    }

    private static Constraint constraint(ColumnRule rule, String value) {
        if (rule.operator() == null) {
            return new Constraint.Opaque(rule.column().snippet() + "=" + value);
        }
        if (rule.kind() != ValueKind.WHOLE_NUMBER) {
            return switch (rule.operator()) {
                case "==" -> new Constraint.Text(value);
                case "!=" -> new Constraint.NotText(Set.of(value));
                default -> new Constraint.Opaque(rule.operator() + value);
            };
        }
        long n = Long.parseLong(value);
        return switch (rule.operator()) {
            case "==" -> new Constraint.Range(n, n);
            case ">=" -> new Constraint.Range(n, Long.MAX_VALUE);
            case ">" -> new Constraint.Range(n + 1, Long.MAX_VALUE);
            case "<=" -> new Constraint.Range(Long.MIN_VALUE, n);
            case "<" -> new Constraint.Range(Long.MIN_VALUE, n - 1);
            default -> new Constraint.Opaque(rule.operator() + value);
        };
    }

    /** A date typed as 2026-04-01, or a date cell (which Drools hands over as "01-Apr-2026", in quotes); null otherwise. */
    static LocalDate date(String value) {
        String text = value.replace("\"", "").trim();
        for (DateTimeFormatter format : List.of(DateTimeFormatter.ISO_LOCAL_DATE, DROOLS_DATE)) {
            try {
                return LocalDate.parse(text, format);
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        return null;
    }

    static Optional<String> asOfCondition(Effective dates, String factSource) {
        List<String> parts = new ArrayList<>();
        if (dates.from() != null) {
            parts.add("asOfDate >= \"" + dates.from() + "\"");
        }
        if (dates.expires() != null) {
            parts.add("asOfDate < \"" + dates.expires() + "\"");
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of("/" + factSource + "[ " + String.join(", ", parts) + " ]");
    }
}
