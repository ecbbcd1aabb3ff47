package app.baton.task;

import app.baton.careplan.ActivityRequest;

import app.baton.careplan.TaskView;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** One task: read it, move it, give it to someone, log what was done (through {@link TaskDesk}, as the console). */
@RestController
@RequestMapping(path = "/api/v1/tasks", produces = "application/json")
@Tag(name = "Tasks", description = "Statuses with enforced transitions, one owner at a time, the activity log")
class TaskController {

    private final TaskDesk desk;

    TaskController(TaskDesk desk) {
        this.desk = desk;
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a task", description = "With its owner, due date, prompt (each naming its rule and rule set "
            + "version), allowed transitions and activity log. Another location's task is a 404.")
    ResponseEntity<TaskView> read(@PathVariable String id) {
        return answer(HttpStatus.OK, desk.task(id));
    }

    @PostMapping(path = "/{id}/status", consumes = "application/json")
    @Operation(summary = "Change a task's status", description = "Send the version you read. A transition that is not allowed "
            + "is a 409 listing the allowed ones; a stale version is a 409 and changes nothing. The rules decide the task again "
            + "and hand it to its next queue.")
    ResponseEntity<TaskView> status(@PathVariable String id, @Valid @RequestBody TaskRequests.StatusChange change) {
        return answer(HttpStatus.OK, desk.changeStatus(id, change.status(), change.version()));
    }

    @PostMapping(path = "/{id}/owner", consumes = "application/json")
    @Operation(summary = "Give a task to a person of its queue", description = "user null gives it back to the queue.")
    ResponseEntity<TaskView> owner(@PathVariable String id, @Valid @RequestBody TaskRequests.Assignment assignment) {
        return answer(HttpStatus.OK, desk.assign(id, assignment.user(), assignment.version()));
    }

    @PostMapping(path = "/{id}/activities", consumes = "application/json")
    @Operation(summary = "Log an activity", description = "A call attempt (with its outcome), message, note, document (reference "
            + "and SHA-256) or barrier. Unsuccessful call attempts count towards the next-best action. Append-only.")
    ResponseEntity<TaskView> activity(@PathVariable String id, @Valid @RequestBody ActivityRequest entry) {
        return answer(HttpStatus.CREATED, desk.logActivity(id, entry));
    }

    private static ResponseEntity<TaskView> answer(HttpStatus status, TaskView view) {
        return ResponseEntity.status(status).eTag("\"" + view.version() + "\"").body(view);
    }
}
