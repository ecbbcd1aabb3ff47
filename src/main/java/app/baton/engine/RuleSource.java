package app.baton.engine;

/**
 * Where a rule comes from: a DRL file and line, or a decision table file, sheet and row
 * (the row as Excel numbers it). Stays right when a clinical lead names the rule.
 */
public record RuleSource(String file, String sheet, int row) {

    /** As docs/api.md writes it: {@code decision-tables/x.drl.xlsx#Sheet!row 12} or {@code rules/x.drl#line 4}. */
    public String describe() {
        return sheet == null ? file + "#line " + row : file + "#" + sheet + "!row " + row;
    }

    public boolean isTableRow() {
        return sheet != null;
    }
}
