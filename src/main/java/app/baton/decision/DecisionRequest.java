package app.baton.decision;

import app.baton.engine.model.CaseInput;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.OffsetDateTime;

/** The body of POST /api/v1/decisions, as docs/api.md defines it. */
public record DecisionRequest(
        @Size(max = 128) String requestId,
        OffsetDateTime asOf,
        @Valid CaseInput.Practice practice,
        @Valid CaseInput.Patient patient,
        @NotNull @Valid CaseInput.CarePlan carePlan,
        @NotNull @Valid CaseInput.Task task) {

    CaseInput toCaseInput() {
        return new CaseInput(practice, patient, carePlan, task);
    }
}
