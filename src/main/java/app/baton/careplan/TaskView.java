package app.baton.careplan;

import com.fasterxml.jackson.annotation.JsonFormat;
import app.baton.decision.DecisionResponse;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A task as staff and apps read it: status and the statuses it may move to, its owner, due date
 * and prompt, each with the rule (and table row) and rule set version that decided it, the recorded
 * decision that set them ({@code decisionId}; the due date's own in {@code due.decisionId}: GET
 * /api/v1/decisions/{id}), and its activity log. {@code withheld} names what the caller's roles do not need (minimum necessary).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TaskView(UUID id, UUID planId, UUID intakeId, String purpose, String patientId, String location, String program,
                String taskType, String status, Set<String> allowedTransitions, UUID prerequisiteId, String stage, String priority,
                Owner owner, Due due, boolean overdue, DecisionResponse.NextBestAction nextAction, List<DecisionResponse.MissingInfo> missingInfo, int attempts,
                @JsonFormat(shape = JsonFormat.Shape.STRING) int ruleSetVersion, List<DecisionResponse.TraceEntry> trace, UUID decisionId, OffsetDateTime createdAt,
                OffsetDateTime statusSince, int version, List<Activity> activities, List<String> withheld) {

    public record Owner(String queue, String role, String user, String rule, String source) {
    }

    /** The due date, its term, the rule that set it and the rule set version it was set by (kept until a re-evaluation). */
    public record Due(OffsetDateTime at, String basis, String rule, String source, @JsonFormat(shape = JsonFormat.Shape.STRING) Integer ruleSetVersion, UUID decisionId) {
    }

    /** One activity log entry; {@code text} only for roles that read clinical notes. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Activity(long id, String kind, String outcome, String channel, String barrier, String text, String documentRef,
                    String sha256, String actor, OffsetDateTime occurredAt) {
    }
}
