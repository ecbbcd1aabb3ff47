package app.baton.review;

import app.baton.review.RuleSetDiff.CellChange;
import app.baton.review.RuleSetDiff.ColumnChange;
import app.baton.review.RuleSetDiff.RowChange;
import app.baton.review.RuleSetDiff.RowEntry;
import app.baton.review.RuleSetDiff.SheetDiff;
import app.baton.review.RuleSetDiff.TableDiff;
import app.baton.review.WorkbookContent.Column;
import app.baton.review.WorkbookContent.SheetContent;
import app.baton.review.WorkbookContent.Table;
import app.baton.review.WorkbookContent.TableRow;
import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Cell-level differences between two decision table workbooks. Sheets pair by name, tables by
 * RuleTable name. Rows pair by the NAME column when both tables have one with a unique name on every
 * row; otherwise by content: a longest common subsequence of whole rows (java-diff-utils) keeps
 * unchanged rows, and within each changed stretch a removed and an added row pair up as one changed
 * row when at least half of their filled cells agree.
 */
final class TableDiffer {

    static final String ROW_MATCHING = "Table rows are paired by the NAME column when both versions of a table have one "
            + "with a unique name on every row (matchedBy NAME); otherwise by content (matchedBy CONTENT): rows that are "
            + "identical in both versions are kept in order (longest common subsequence), and in between, a removed and an "
            + "added row count as one changed row when at least half of their filled cells agree. A row that only moved "
            + "shows as removed and added under CONTENT, and as orderChanged under NAME.";

    private TableDiffer() {
    }

    static List<SheetDiff> diff(WorkbookContent from, WorkbookContent to) {
        Map<String, SheetContent> old = from.sheets().stream().collect(Collectors.toMap(SheetContent::name, s -> s, (a, b) -> a, LinkedHashMap::new));
        Map<String, SheetContent> neu = to.sheets().stream().collect(Collectors.toMap(SheetContent::name, s -> s, (a, b) -> a, LinkedHashMap::new));
        Set<String> names = new LinkedHashSet<>(old.keySet());
        names.addAll(neu.keySet());
        List<SheetDiff> sheets = new ArrayList<>();
        for (String name : names) {
            SheetContent a = old.get(name);
            SheetContent b = neu.get(name);
            List<CellChange> cells = cells(a == null ? Map.of() : a.otherCells(), b == null ? Map.of() : b.otherCells());
            List<TableDiff> tables = tables(a == null ? List.of() : a.tables(), b == null ? List.of() : b.tables());
            String change = a == null ? "ADDED" : b == null ? "REMOVED" : "CHANGED";
            if (!cells.isEmpty() || !tables.isEmpty() || a == null || b == null) {
                sheets.add(new SheetDiff(name, change, cells, tables));
            }
        }
        return sheets;
    }

    private static List<CellChange> cells(Map<String, String> a, Map<String, String> b) {
        Set<String> addresses = new LinkedHashSet<>(a.keySet());
        addresses.addAll(b.keySet());
        List<CellChange> changes = new ArrayList<>();
        for (String address : addresses) {
            String before = a.getOrDefault(address, "");
            String after = b.getOrDefault(address, "");
            if (!before.equals(after)) {
                changes.add(new CellChange(null, a.containsKey(address) ? address : null, b.containsKey(address) ? address : null, before, after));
            }
        }
        return changes;
    }

    private static List<TableDiff> tables(List<Table> a, List<Table> b) {
        Map<String, Table> old = byOccurrence(a);
        Map<String, Table> neu = byOccurrence(b);
        Set<String> keys = new LinkedHashSet<>(old.keySet());
        keys.addAll(neu.keySet());
        List<TableDiff> diffs = new ArrayList<>();
        for (String key : keys) {
            Table before = old.get(key);
            Table after = neu.get(key);
            if (before == null) {
                diffs.add(new TableDiff(after.name(), "ADDED", null, null, List.of(), entries(after, after.rows()), List.of(), List.of()));
            } else if (after == null) {
                diffs.add(new TableDiff(before.name(), "REMOVED", null, null, List.of(), List.of(), entries(before, before.rows()), List.of()));
            } else {
                TableDiff diff = table(before, after);
                if (!diff.columns().isEmpty() || !diff.rowsAdded().isEmpty() || !diff.rowsRemoved().isEmpty()
                        || !diff.rowsChanged().isEmpty() || Boolean.TRUE.equals(diff.orderChanged())) {
                    diffs.add(diff);
                }
            }
        }
        return diffs;
    }

    /** Tables by name; a second table of the same name on a sheet is "name#2". */
    private static Map<String, Table> byOccurrence(List<Table> tables) {
        Map<String, Integer> seen = new HashMap<>();
        Map<String, Table> byName = new LinkedHashMap<>();
        for (Table table : tables) {
            int n = seen.merge(table.name(), 1, Integer::sum);
            byName.put(n == 1 ? table.name() : table.name() + "#" + n, table);
        }
        return byName;
    }

    private static TableDiff table(Table a, Table b) {
        List<ColumnChange> columns = columns(a, b);
        String nameColumn = a.nameColumn();
        boolean byName = nameColumn != null && nameColumn.equals(b.nameColumn()) && uniqueNames(a, nameColumn) && uniqueNames(b, nameColumn);
        Rows rows = byName ? byName(a, b, nameColumn) : byContent(a, b);
        Boolean orderChanged = byName ? orderChanged(a, b, nameColumn) : null;
        return new TableDiff(b.name(), "CHANGED", byName ? "NAME" : "CONTENT", orderChanged, columns,
                entries(b, rows.added), entries(a, rows.removed),
                rows.changed.stream().map(p -> changed(a, b, p.before(), p.after())).toList());
    }

    private static List<ColumnChange> columns(Table a, Table b) {
        Set<String> keys = new LinkedHashSet<>();
        a.columns().forEach(c -> keys.add(c.key()));
        b.columns().forEach(c -> keys.add(c.key()));
        List<ColumnChange> changes = new ArrayList<>();
        for (String key : keys) {
            Column before = a.column(key);
            Column after = b.column(key);
            Map<String, String> oldHeader = header(before);
            Map<String, String> newHeader = header(after);
            if (!Objects.equals(oldHeader, newHeader)) {
                changes.add(new ColumnChange(key, before == null ? "ADDED" : after == null ? "REMOVED" : "CHANGED",
                        before == null ? null : before.letter(), after == null ? null : after.letter(), oldHeader, newHeader));
            }
        }
        return changes;
    }

    private static Map<String, String> header(Column column) {
        if (column == null) {
            return null;
        }
        Map<String, String> header = new LinkedHashMap<>();
        header.put("type", column.type());
        header.put("objectType", column.objectType());
        header.put("code", column.code());
        header.put("label", column.label());
        return header;
    }

    private record Pair(TableRow before, TableRow after) {
    }

    private record Rows(List<TableRow> added, List<TableRow> removed, List<Pair> changed) {

        Rows() {
            this(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        }
    }

    private static boolean uniqueNames(Table table, String column) {
        List<String> names = table.rows().stream().map(r -> r.values().get(column)).toList();
        return names.stream().allMatch(Objects::nonNull) && new LinkedHashSet<>(names).size() == names.size();
    }

    private static Rows byName(Table a, Table b, String column) {
        Function<Table, Map<String, TableRow>> index = t -> t.rows().stream()
                .collect(Collectors.toMap(r -> r.values().get(column), r -> r, (x, y) -> x, LinkedHashMap::new));
        Map<String, TableRow> old = index.apply(a);
        Map<String, TableRow> neu = index.apply(b);
        Rows rows = new Rows();
        old.forEach((name, row) -> {
            TableRow after = neu.get(name);
            if (after == null) {
                rows.removed.add(row);
            } else if (!after.values().equals(row.values())) {
                rows.changed.add(new Pair(row, after));
            }
        });
        neu.forEach((name, row) -> {
            if (!old.containsKey(name)) {
                rows.added.add(row);
            }
        });
        return rows;
    }

    private static Boolean orderChanged(Table a, Table b, String column) {
        Set<String> inB = b.rows().stream().map(r -> r.values().get(column)).collect(Collectors.toSet());
        Set<String> inA = a.rows().stream().map(r -> r.values().get(column)).collect(Collectors.toSet());
        List<String> oldOrder = a.rows().stream().map(r -> r.values().get(column)).filter(inB::contains).toList();
        List<String> newOrder = b.rows().stream().map(r -> r.values().get(column)).filter(inA::contains).toList();
        return !oldOrder.equals(newOrder);
    }

    private static Rows byContent(Table a, Table b) {
        List<Map<String, String>> old = a.rows().stream().map(TableRow::values).toList();
        List<Map<String, String>> neu = b.rows().stream().map(TableRow::values).toList();
        Rows rows = new Rows();
        for (AbstractDelta<Map<String, String>> delta : DiffUtils.diff(old, neu).getDeltas()) {
            List<TableRow> removed = a.rows().subList(delta.getSource().getPosition(), delta.getSource().getPosition() + delta.getSource().size());
            List<TableRow> added = new ArrayList<>(b.rows().subList(delta.getTarget().getPosition(), delta.getTarget().getPosition() + delta.getTarget().size()));
            for (TableRow before : removed) {
                TableRow best = null;
                int bestScore = 0;
                for (TableRow after : added) {
                    int score = agreeing(before, after);
                    if (score > bestScore) {
                        best = after;
                        bestScore = score;
                    }
                }
                if (best != null && 2 * bestScore >= Math.max(before.values().size(), best.values().size())) {
                    rows.changed.add(new Pair(before, best));
                    added.remove(best);
                } else {
                    rows.removed.add(before);
                }
            }
            rows.added.addAll(added);
        }
        rows.added.sort((x, y) -> Integer.compare(x.excelRow(), y.excelRow()));
        return rows;
    }

    private static int agreeing(TableRow a, TableRow b) {
        return (int) a.values().entrySet().stream().filter(e -> e.getValue().equals(b.values().get(e.getKey()))).count();
    }

    private static RowChange changed(Table a, Table b, TableRow before, TableRow after) {
        Set<String> keys = new LinkedHashSet<>();
        b.columns().forEach(c -> keys.add(c.key()));
        a.columns().forEach(c -> keys.add(c.key()));
        List<CellChange> cells = new ArrayList<>();
        for (String key : keys) {
            String oldValue = before.values().getOrDefault(key, "");
            String newValue = after.values().getOrDefault(key, "");
            if (!oldValue.equals(newValue)) {
                Column oldColumn = a.column(key);
                Column newColumn = b.column(key);
                cells.add(new CellChange(key, oldColumn == null ? null : oldColumn.letter() + before.excelRow(),
                        newColumn == null ? null : newColumn.letter() + after.excelRow(), oldValue, newValue));
            }
        }
        return new RowChange(before.excelRow(), after.excelRow(), name(b, after), cells);
    }

    private static List<RowEntry> entries(Table table, List<TableRow> rows) {
        return rows.stream().map(r -> new RowEntry(r.excelRow(), name(table, r), r.values())).toList();
    }

    private static String name(Table table, TableRow row) {
        String column = table.nameColumn();
        return column == null ? null : row.values().get(column);
    }
}
