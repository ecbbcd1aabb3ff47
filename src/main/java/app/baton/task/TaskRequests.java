package app.baton.task;

import app.baton.careplan.FieldsUpdate;
import app.baton.careplan.PlanWork;

import app.baton.engine.model.TaskStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Bodies of the task writes. {@code version} is the version the client read (optimistic locking). */
public final class TaskRequests {

    private TaskRequests() {
    }

    @Schema(description = "Move a task to another status")
    record StatusChange(@NotNull TaskStatus status, @NotNull Integer version) {
    }

    @Schema(description = "Give a task to a person of its queue; user null gives it back to the queue")
    record Assignment(@Size(max = 64) String user, @NotNull Integer version) {
    }
}
