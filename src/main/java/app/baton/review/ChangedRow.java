package app.baton.review;

import java.util.List;

/**
 * A decision-table row that a candidate version changes or removes, with what clinicians in the EHR did with the CDS
 * Hooks cards that row produced under the version the candidate changes (its base): cards shown, accepted, overridden,
 * and the most frequent override reasons. A row that gave no card has zeros.
 *
 * @param source     where the row is written in the base version ({@code file#Sheet!row N}), as decisions and cards name it
 * @param change     {@code changed} or {@code removed}
 * @param newRow     the row's number in the candidate ({@code null} when removed)
 * @param topReasons at most three, the most frequent first
 */
public record ChangedRow(String source, String table, String change, int row, Integer newRow, long cards, long accepted,
                         long overridden, List<Reason> topReasons) {

    public record Reason(String code, String display, long count) {
    }
}
