package app.baton.careplan;

import app.baton.decision.DecisionResponse;
import app.baton.decision.TaskDecision;
import app.baton.engine.model.Priority;
import app.baton.engine.model.Program;
import app.baton.engine.model.Stage;
import app.baton.engine.model.TaskStatus;
import app.baton.engine.model.TaskType;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * One task as stored: what it is, who owns it, and what the rules last decided for it (with the
 * versions that decided, and the recorded decisions: {@code decisionId} set its queue, prompt and flags,
 * {@code dueDecisionId} its due date). Changes make a new row; {@code version} is the optimistic lock.
 */
public record TaskRow(UUID id, UUID planId, UUID intakeId, UUID prerequisiteId, Purpose purpose, String patientId, String location,
               Program program, TaskType type, TaskStatus status, Priority priority, String queue, String role,
               String routingRule, String ownerUser, OffsetDateTime dueAt, String slaBasis, String dueRule, Integer dueRuleSetVersion,
               DecisionResponse.NextBestAction nextAction, List<DecisionResponse.MissingInfo> missingInfo,
               List<DecisionResponse.TraceEntry> trace, int ruleSetVersion, int attempts, OffsetDateTime submittedAt,
               OffsetDateTime createdAt, OffsetDateTime statusSince, int version, UUID decisionId, UUID dueDecisionId) {

    /** A plan's task, or the task that holds an incomplete intake until its fields come in. */
    public enum Purpose { PLAN, MISSING_INFO }

    /** The stage of the six of the care-plan process the task is in, from its purpose and status. */
    public Stage stage() {
        if (purpose == Purpose.MISSING_INFO) {
            return Stage.INTAKE;
        }
        return switch (status) {
            case DONE, CANCELLED -> Stage.CLOSURE;
            case WAITING_ON_PATIENT, WAITING_ON_EXTERNAL -> Stage.FOLLOW_UP;
            default -> Stage.COORDINATION;
        };
    }

    public static int rank(Priority priority) {
        return switch (priority) {
            case EXPEDITED -> 0;
            case URGENT -> 1;
            case ROUTINE -> 2;
        };
    }

    public TaskRow withStatus(TaskStatus newStatus, OffsetDateTime since) {
        return new TaskRow(id, planId, intakeId, prerequisiteId, purpose, patientId, location, program, type, newStatus, priority,
                queue, role, routingRule, ownerUser, dueAt, slaBasis, dueRule, dueRuleSetVersion, nextAction, missingInfo, trace, ruleSetVersion,
                attempts, submittedAt, createdAt, since, version, decisionId, dueDecisionId);
    }

    /** The task showing {@code action} as its prompt: a task the rules closed keeps the action that closed it. */
    TaskRow withNextAction(DecisionResponse.NextBestAction action) {
        return new TaskRow(id, planId, intakeId, prerequisiteId, purpose, patientId, location, program, type, status, priority,
                queue, role, routingRule, ownerUser, dueAt, slaBasis, dueRule, dueRuleSetVersion, action, missingInfo, trace, ruleSetVersion,
                attempts, submittedAt, createdAt, statusSince, version, decisionId, dueDecisionId);
    }

    public TaskRow withAttempts(int newAttempts) {
        return new TaskRow(id, planId, intakeId, prerequisiteId, purpose, patientId, location, program, type, status, priority,
                queue, role, routingRule, ownerUser, dueAt, slaBasis, dueRule, dueRuleSetVersion, nextAction, missingInfo, trace, ruleSetVersion,
                newAttempts, submittedAt, createdAt, statusSince, version, decisionId, dueDecisionId);
    }

    public TaskRow withOwner(String user) {
        return new TaskRow(id, planId, intakeId, prerequisiteId, purpose, patientId, location, program, type, status, priority,
                queue, role, routingRule, user, dueAt, slaBasis, dueRule, dueRuleSetVersion, nextAction, missingInfo, trace, ruleSetVersion,
                attempts, submittedAt, createdAt, statusSince, version, decisionId, dueDecisionId);
    }

    public TaskRow withSubmittedAt(OffsetDateTime at) {
        return new TaskRow(id, planId, intakeId, prerequisiteId, purpose, patientId, location, program, type, status, priority,
                queue, role, routingRule, ownerUser, dueAt, slaBasis, dueRule, dueRuleSetVersion, nextAction, missingInfo, trace, ruleSetVersion,
                attempts, at, createdAt, statusSince, version, decisionId, dueDecisionId);
    }

    /**
     * The rules' new answer applied, pointing at the recorded decision that gave it; {@code flags} are the
     * missing fields to show (a held intake lists all its plan lacks, otherwise the decision's own). The due date
     * follows the decision only when {@code takeDue}: a due date set by an earlier rule set version stays until an
     * explicit re-evaluation (docs/tracker.md), and so does the decision it came from. A task that changes queue
     * loses its personal owner: the next queue's staff pick it up.
     */
    TaskRow decided(TaskDecision d, List<DecisionResponse.MissingInfo> flags, boolean takeDue) {
        boolean moved = queue != null && !queue.equals(d.queue());
        return new TaskRow(id, planId, intakeId, prerequisiteId, purpose, patientId, location, program, type, status, priority,
                d.queue(), d.role(), d.routingRule(), moved ? null : ownerUser,
                takeDue ? d.dueAt() : dueAt, takeDue ? d.slaBasis() : slaBasis, takeDue ? d.dueRule() : dueRule,
                takeDue ? Integer.valueOf(d.ruleSetVersion()) : dueRuleSetVersion,
                d.nextAction(), flags, d.trace(), d.ruleSetVersion(), attempts, submittedAt, createdAt, statusSince, version,
                d.id(), takeDue ? d.id() : dueDecisionId);
    }

    /** Whether a re-decision may move the due date without an explicit re-evaluation. */
    boolean dueFollows(TaskDecision d) {
        return dueRuleSetVersion == null || dueRuleSetVersion == d.ruleSetVersion();
    }

    /** Whether {@code d} would change what a person or app sees of this task: queue, due date, prompt or flags. */
    boolean changedBy(TaskDecision d) {
        return !java.util.Objects.equals(queue, d.queue()) || !sameInstant(dueAt, d.dueAt())
                || !java.util.Objects.equals(nextAction, d.nextAction()) || !java.util.Objects.equals(missingInfo, d.missingInfo());
    }

    static boolean sameInstant(OffsetDateTime a, OffsetDateTime b) {
        return a == null ? b == null : b != null && a.toInstant().equals(b.toInstant());
    }
}
