package app.baton.decision;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The decision as docs/api.md defines it. Every item names the rule that produced it and its
 * source ({@code file#Sheet!row N} for a table row, {@code file#line N} for DRL). {@code planTemplate} is present only
 * on a plan template's answer ({@link DecisionSubject#PLAN_TEMPLATE}), whose task parts (routing, due date, lists) are
 * absent or empty: a task's decision reads exactly as before it existed.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DecisionResponse(String decisionId, String ruleSetVersion, OffsetDateTime evaluatedAt,
                               Routing routing, Sla sla, List<MissingInfo> missingInfo,
                               List<NextBestAction> nextBestActions, List<Escalation> escalations,
                               List<TraceEntry> trace, PlanTemplate planTemplate) {

    /** A task's decision. */
    public DecisionResponse(String decisionId, String ruleSetVersion, OffsetDateTime evaluatedAt, Routing routing, Sla sla,
                            List<MissingInfo> missingInfo, List<NextBestAction> nextBestActions, List<Escalation> escalations,
                            List<TraceEntry> trace) {
        this(decisionId, ruleSetVersion, evaluatedAt, routing, sla, missingInfo, nextBestActions, escalations, trace, null);
    }

    /**
     * What the plan template said for one care plan: whether it may be made ({@code eligible}), and if not why (the
     * template's "Not eligible because" column) and which row said so ({@code rule}, {@code source}); else the tasks it
     * gets, each with its row, in row order.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PlanTemplate(String program, boolean eligible, String notEligibleBecause, String rule, String source,
                               List<PlanTask> tasks) {
    }

    /** One task a plan template gives: its type, the type it waits for (or none), whether it comes back monthly. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PlanTask(String taskType, String after, boolean monthly, String rule, String source) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Routing(String queue, String role, String rule, String source) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Sla(OffsetDateTime dueAt, String basis, String rule, String source) {
    }

    public record MissingInfo(String field, String reason, String rule, String source) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    /** {@code closesTaskAs}: the status this row closes the task with (DONE or CANCELLED), the prompt being why; else absent. */
    public record NextBestAction(String code, String prompt, String rule, String source, String closesTaskAs) {

        public NextBestAction(String code, String prompt, String rule, String source) {
            this(code, prompt, rule, source, null);
        }
    }

    /** {@code notify} on the wire; a record component cannot be named after Object.notify(). */
    public record Escalation(int level, @JsonProperty("notify") String recipient, String key, String rule, String source) {
    }

    public record TraceEntry(String rule, String source) {
    }
}
