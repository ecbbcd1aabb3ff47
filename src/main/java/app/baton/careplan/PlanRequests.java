package app.baton.careplan;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Bodies of the plan writes. {@code version} is the version the client read (optimistic locking). */
final class PlanRequests {

    private PlanRequests() {
    }

    @Schema(description = "Reopen a closed plan: a reason code, and optionally a note (patient data: clinical roles read it)")
    record Reopening(@NotNull PlanWork.ReopenReason reason, @Size(max = 2000) String note) {
    }

    @Schema(description = "Change a plan's facts; absent fields keep their value")
    record PlanPatch(@NotNull Integer version, @NotNull @Valid FieldsUpdate fields) {
    }
}
