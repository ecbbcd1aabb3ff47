package app.baton.decision;

import app.baton.system.Caller;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One decision as stored: JSON columns are carried as text. The patient is not a column, and of the
 * caller only the actor's name is: they travel with the row for the {@link DecisionsRecorded} event.
 * {@code taskId} and {@code taskType} are null only for a plan template's answer.
 */
record DecisionRow(UUID id, String idempotencyKey, String requestSha256, int ruleSetVersion, OffsetDateTime asOf,
                   String taskId, String program, String taskType, String inputsJson, String responseJson,
                   int evaluationMicros, String patientId, Caller caller, AskedBy askedBy, DecisionSubject subject) {

    /** A decision about a task. */
    DecisionRow(UUID id, String idempotencyKey, String requestSha256, int ruleSetVersion, OffsetDateTime asOf,
                String taskId, String program, String taskType, String inputsJson, String responseJson,
                int evaluationMicros, String patientId, Caller caller, AskedBy askedBy) {
        this(id, idempotencyKey, requestSha256, ruleSetVersion, asOf, taskId, program, taskType, inputsJson, responseJson,
                evaluationMicros, patientId, caller, askedBy, DecisionSubject.TASK);
    }
}
