package app.baton.review;

import app.baton.cdshooks.RowFigures;
import app.baton.ruleset.RuleSetVersion;
import app.baton.ruleset.RuleSets;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows a candidate changes or removes against its base (the version it was uploaded from, else the active one,
 * as the diff page chooses), each with its CDS Hooks feedback figure read through the CDS Hooks module's query API
 * ({@link RowFigures}): review reads none of that module's tables. The figures are read each time, the diff of two
 * (immutable) versions once for the last few pairs, since an API client polls a running analysis.
 */
@Component
class ChangedRows {

    static final int TOP_REASONS = 3;
    private static final int REMEMBERED_DIFFS = 16;

    private final RuleSets ruleSets;
    private final RuleSetDiffer differ;
    private final RowFigures figures;
    private final Map<List<Integer>, List<RowRef>> diffed = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<List<Integer>, List<RowRef>> eldest) {
            return size() > REMEMBERED_DIFFS;
        }
    };

    ChangedRows(RuleSets ruleSets, RuleSetDiffer differ, RowFigures figures) {
        this.ruleSets = ruleSets;
        this.differ = differ;
        this.figures = figures;
    }

    /** The base version a candidate is compared with. */
    int base(int candidate) {
        RuleSetVersion version = ruleSets.get(candidate);
        return version.baseVersion() != null ? version.baseVersion() : ruleSets.active().map(RuleSetVersion::version).orElse(candidate);
    }

    List<ChangedRow> of(int candidate) {
        int base = base(candidate);
        if (base == candidate) {
            return List.of();
        }
        Map<String, RowFigures.Row> byRow = figures.byRow(base);
        return rows(base, candidate).stream().map(r -> row(r.source(), r.table(), r.change(), r.row(), r.newRow(), byRow)).toList();
    }

    /** A changed row without its figures: what the diff of two versions says, which never changes (versions are immutable). */
    private record RowRef(String source, String table, String change, int row, Integer newRow) {
    }

    /** The diff's changed and removed rows of two versions, remembered for the last few pairs: a poll of an analysis diffs once. */
    private List<RowRef> rows(int base, int candidate) {
        List<Integer> key = List.of(base, candidate);
        synchronized (diffed) {
            List<RowRef> known = diffed.get(key);
            if (known != null) {
                return known;
            }
        }
        List<RowRef> rows = new ArrayList<>();
        for (RuleSetDiff.FileDiff file : differ.diff(base, candidate).files()) {
            if (file.sheets() == null) {
                continue;
            }
            for (RuleSetDiff.SheetDiff sheet : file.sheets()) {
                if (sheet.tables() == null) {
                    continue;
                }
                for (RuleSetDiff.TableDiff table : sheet.tables()) {
                    String at = file.path() + "#" + sheet.sheet() + "!row ";
                    if (table.rowsChanged() != null) {
                        table.rowsChanged().forEach(r -> rows.add(new RowRef(at + r.oldRow(), table.table(), "changed", r.oldRow(), r.newRow())));
                    }
                    if (table.rowsRemoved() != null) {
                        table.rowsRemoved().forEach(r -> rows.add(new RowRef(at + r.row(), table.table(), "removed", r.row(), null)));
                    }
                }
            }
        }
        List<RowRef> kept = List.copyOf(rows);
        synchronized (diffed) {
            diffed.put(key, kept);
        }
        return kept;
    }

    private static ChangedRow row(String source, String table, String change, int row, Integer newRow, Map<String, RowFigures.Row> byRow) {
        RowFigures.Row figure = byRow.get(source);
        if (figure == null) {
            return new ChangedRow(source, table, change, row, newRow, 0, 0, 0, List.of());
        }
        return new ChangedRow(source, table, change, row, newRow, figure.cards(), figure.accepted(), figure.overridden(),
                figure.reasons().stream().sorted((a, b) -> Long.compare(b.count(), a.count())).limit(TOP_REASONS)
                        .map(r -> new ChangedRow.Reason(r.code(), r.display(), r.count())).toList());
    }
}
