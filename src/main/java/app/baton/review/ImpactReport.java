package app.baton.review;

import java.util.List;
import java.util.Map;

/**
 * What replaying a sample of recorded decisions against a candidate version found. Counts are of
 * decisions; one decision can count under several kinds (a new queue and a new due date). Examples
 * name the decision and task only, never the patient.
 *
 * @param partial   true when the analysis was cancelled and the figures cover the decisions replayed until then
 * @param openTasks the open tasks as they stood when evaluated, against the candidate; null until that part ran
 */
public record ImpactReport(int candidateVersion, boolean partial, long decisions, long replayed, long unchanged, long changed,
                    long notReplayable, long failed, Map<String, Long> changedByKind, List<Move> routingMoves,
                    DueDates dueDates, Items missingInfo, Items prompts, Items escalations,
                    Map<String, Long> notReplayableFields, Map<String, Long> failures,
                    Map<String, List<Example>> examples, OpenTasks openTasks) {

    public record Move(String from, String to, long count) {
    }

    /** Shifts are in the practice's local time ("+2 days", "-4 hours"); {@code shifts} holds the 20 most frequent. */
    public record DueDates(long earlier, long later, long added, long removed, String largestEarlier, String largestLater,
                    List<Shift> shifts) {
    }

    public record Shift(String shift, long count) {
    }

    /** Per item (a field, a prompt code, "level 1 → RECIPIENT"): how many decisions gain it, how many lose it. */
    public record Items(Map<String, Long> added, Map<String, Long> removed) {
    }

    public record Example(String decisionId, String taskId, String before, String after) {
    }

    /**
     * The open tasks evaluated against the candidate, as they stand now (stored queue, due date, missing fields and
     * prompt), not replayed: counts are of tasks. An escalation step is "added" when the candidate raises it now and
     * the active version does not. Examples name the task and the decision that set what it shows now.
     *
     * @param queueOrDueChanged the changed tasks whose queue or due date would change: what a re-evaluation moves
     */
    public record OpenTasks(long evaluated, long unchanged, long changed, long queueOrDueChanged, long failed, Map<String, Long> changedByKind,
                            List<Move> routingMoves, DueDates dueDates, Items missingInfo, Items prompts, Items escalations,
                            Map<String, Long> failures, Map<String, List<Example>> examples) {
    }
}
