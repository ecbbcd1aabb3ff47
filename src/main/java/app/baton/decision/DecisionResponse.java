package app.baton.decision;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The decision as docs/api.md defines it. Every item names the rule that produced it and its
 * source ({@code file#Sheet!row N} for a table row, {@code file#line N} for DRL).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DecisionResponse(String decisionId, String ruleSetVersion, OffsetDateTime evaluatedAt,
                               Routing routing, Sla sla, List<MissingInfo> missingInfo,
                               List<NextBestAction> nextBestActions, List<Escalation> escalations,
                               List<TraceEntry> trace) {

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
