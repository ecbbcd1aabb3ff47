package app.baton.careplan;

import java.util.UUID;

/** A closed care plan was reopened, for a reason code (the note that may go with it is patient data and stays in the plan). */
public record PlanReopened(UUID planId, String patientId, String program, String reason) {
}
