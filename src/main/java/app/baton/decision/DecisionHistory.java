package app.baton.decision;

import java.util.List;

/**
 * A page of one task's recorded decisions, newest first, and the cursor of the next (older) page: null on the last.
 * Decisions of a patient the caller may not see are left out (and their denied read is audited).
 */
public record DecisionHistory(String taskId, List<RecordedDecision> decisions, String nextCursor, int limit) {
}
