package app.baton.tracker;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What the active rule set decided for one task, each result with the rule (and table row) that
 * produced it: enough to explain the task's queue, due date and prompt later.
 */
public record Decided(int ruleSetVersion, String queue, String role, String routingRule, OffsetDateTime dueAt, String slaBasis, String dueRule,
               NextStep nextAction, List<Flag> missingInfo, List<Trace> trace) {

    /** The next-best action the owner sees. */
    public record NextStep(String code, String prompt, String rule, String source) {
    }

    /** A missing required field, why it is needed, and the rule that requires it. */
    public record Flag(String field, String reason, String rule, String source) {
    }

    /** A rule that fired, and where it is written. */
    public record Trace(String rule, String source) {
    }
}
