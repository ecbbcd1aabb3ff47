package app.baton.tracker;

import app.baton.engine.model.TaskStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Bodies of the task and plan writes. {@code version} is the version the client read (optimistic locking). */
final class TaskRequests {

    private TaskRequests() {
    }

    @Schema(description = "Move a task to another status")
    record StatusChange(@NotNull TaskStatus status, @NotNull Integer version) {
    }

    @Schema(description = "Give a task to a person of its queue; user null gives it back to the queue")
    record Assignment(@Size(max = 64) String user, @NotNull Integer version) {
    }

    @Schema(description = "Reopen a closed plan: a reason code, and optionally a note (patient data: clinical roles read it)")
    record Reopening(@NotNull PlanWork.ReopenReason reason, @Size(max = 2000) String note) {
    }

    @Schema(description = "Change a plan's facts; absent fields keep their value")
    record PlanPatch(@NotNull Integer version, @NotNull @Valid FieldsUpdate fields) {
    }
}
