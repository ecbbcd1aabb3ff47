package app.baton.review;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/**
 * What changed from one rule set version ({@code from}, the base) to another ({@code to}, the
 * candidate): per file added, removed or changed; for decision tables the cells, per sheet and
 * table, with Excel addresses on both sides; for DRL and scenario files unified-diff hunks.
 */
public record RuleSetDiff(Side from, Side to, Summary summary, String rowMatching, List<FileDiff> files) {

    public record Side(int version, String status, String sha256, String author, String changeNote) {
    }

    public record Summary(int filesAdded, int filesRemoved, int filesChanged, int filesUnchanged) {
    }

    /**
     * @param kind   DECISION_TABLE, DRL, SCENARIO or OTHER
     * @param change ADDED, REMOVED, CHANGED, or REFORMATTED (a table whose bytes differ but whose cells do not)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FileDiff(String path, String kind, String change, String note, List<SheetDiff> sheets, List<Hunk> hunks) {
    }

    /** Cells outside any RuleTable (RuleSet, Import, notes) by address; then each table. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SheetDiff(String sheet, String change, List<CellChange> cells, List<TableDiff> tables) {
    }

    /**
     * @param matchedBy NAME (rows paired by the table's NAME column) or CONTENT (rows paired by a
     *                  longest-common-subsequence over whole rows, then by similarity)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TableDiff(String table, String change, String matchedBy, Boolean orderChanged, List<ColumnChange> columns,
                     List<RowEntry> rowsAdded, List<RowEntry> rowsRemoved, List<RowChange> rowsChanged) {
    }

    /** A column header changed, or a column was added or removed; its header rows old and new. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ColumnChange(String column, String change, String oldLetter, String newLetter,
                        Map<String, String> oldHeader, Map<String, String> newHeader) {
    }

    /** One rule row with its non-blank values by column header. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RowEntry(int row, String name, Map<String, String> values) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RowChange(int oldRow, int newRow, String name, List<CellChange> cells) {
    }

    /** {@code column} is the column header within a table (null outside tables); blank values are "". */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CellChange(String column, String oldCell, String newCell, String oldValue, String newValue) {
    }

    /** A unified-diff hunk: lines start with ' ' (context), '-' (removed) or '+' (added). */
    public record Hunk(String header, int oldStart, int oldLines, int newStart, int newLines, List<String> lines) {
    }
}
