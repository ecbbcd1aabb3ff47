package app.baton.intake;

import java.util.UUID;

/** An intake is complete and its care plan exists (at once, or after its missing fields came in). */
public record IntakeReleased(UUID intakeId, UUID planId, String patientId, String program) {
}
