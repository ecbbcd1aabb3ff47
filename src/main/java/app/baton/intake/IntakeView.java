package app.baton.intake;

import com.fasterxml.jackson.annotation.JsonFormat;
import app.baton.decision.DecisionResponse;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * An intake as answered: HELD with the fields it lacks (each naming the rule that requires it) and
 * the task that waits for them, or RELEASED with its care plan.
 */
public record IntakeView(UUID id, String sourceSystem, String sourceId, String kind, String status, String program, String patientId,
                  UUID planId, UUID heldTaskId, List<DecisionResponse.MissingInfo> missingInfo, @JsonFormat(shape = JsonFormat.Shape.STRING) int ruleSetVersion,
                  OffsetDateTime receivedAt, OffsetDateTime releasedAt) {
}
