package app.baton.careplan;

import com.fasterxml.jackson.annotation.JsonFormat;
import app.baton.decision.DecisionResponse;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A care plan: its facts as far as the caller's roles need them ({@code withheld} names the rest),
 * the template rows that made its tasks, its tasks, and its closure checklist as of now.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlanView(UUID id, UUID intakeId, String patientId, String program, String status, boolean locked,
                @JsonFormat(shape = JsonFormat.Shape.STRING) int ruleSetVersion,
                List<DecisionResponse.TraceEntry> templateRules, Map<String, Object> facts, List<String> withheld, List<TaskSummary> tasks,
                Closure closure, OffsetDateTime createdAt, OffsetDateTime closedAt, String reopenReason, String reopenNote,
                int version) {

    public record TaskSummary(UUID id, String taskType, String status, UUID prerequisiteId, String queue, String role, String ownerUser,
                       OffsetDateTime dueAt, String nextAction, int version) {
    }

    public record Closure(boolean met, @JsonFormat(shape = JsonFormat.Shape.STRING) int ruleSetVersion, List<ClosureCheck.Item> items) {
    }
}
