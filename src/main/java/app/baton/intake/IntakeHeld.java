package app.baton.intake;

import java.util.List;
import java.util.UUID;

/** An intake lacks required fields (named, e.g. {@code patient.memberId}); a task to complete them waits in a queue. */
public record IntakeHeld(UUID intakeId, UUID taskId, String patientId, String program, List<String> missingFields) {
}
