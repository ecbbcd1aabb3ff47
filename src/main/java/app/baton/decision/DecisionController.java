package app.baton.decision;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import app.baton.system.ApiException;
import app.baton.system.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;


/**
 * The decision API (docs/api.md). Bodies are validated by {@code @Valid} once, as they are read; the controller is not
 * proxied for method validation (that validated every body a second time, about 5 % of a decision's CPU).
 */
@RestController
@RequestMapping(path = "/api/v1/decisions", produces = "application/json")
@Tag(name = "Decisions", description = "Routing, due date, missing information, next-best actions and escalations for a task")
class DecisionController {

    /** The longest idempotency key taken, as for {@code requestId}. */
    private static final int MAX_KEY = 128;

    private final DecisionService service;
    private final DecisionLookup lookup;

    DecisionController(DecisionService service, DecisionLookup lookup) {
        this.service = service;
        this.lookup = lookup;
    }

    @PostMapping(consumes = "application/json")
    @Operation(summary = "Decide one task", description = "Evaluates the active rule set on one task and records the decision "
            + "before answering. The same requestId (or Idempotency-Key) with the same body returns the first decision.")
    @ApiResponse(responseCode = "200", description = "The decision, recorded",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DecisionResponse.class)))
    ResponseEntity<Object> decide(
            @Parameter(description = "Makes the call idempotent; takes precedence over requestId")
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @Valid @RequestBody DecisionRequest request) {
        if (idempotencyKey != null && idempotencyKey.length() > MAX_KEY) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "invalid-request", "The request is not valid",
                    "header 'Idempotency-Key' is not valid", java.util.List.of(new Problems.FieldError("Idempotency-Key",
                    "size must be between 0 and " + MAX_KEY)));
        }
        DecisionService.Outcome outcome = service.decide(request, idempotencyKey);
        // A new decision's body is the JSON already written for its record: serialized once, not again for the answer.
        return ResponseEntity.ok().header("Idempotent-Replayed", String.valueOf(outcome.replayed()))
                .body(outcome.json() != null ? outcome.json() : outcome.response());
    }

    @PostMapping(path = "/batch", consumes = "application/json")
    @Operation(summary = "Decide up to 1,000 tasks", description = "Decisions come back in the order of the requests; "
            + "each request's requestId makes it idempotent on its own.")
    BatchDecisionResponse decideAll(@Valid @RequestBody BatchDecisionRequest batch) {
        return new BatchDecisionResponse(service.decideAll(batch.requests()).stream().map(DecisionService.Outcome::response).toList());
    }

    @GetMapping(params = "taskId")
    @Operation(summary = "A task's decision history", description = "Every recorded decision of one task (the decision API's "
            + "task.id, or a tracker task's id), newest first: what asked for it (API, INTAKE, STATUS_CHANGE, ASSIGNMENT, ACTIVITY, "
            + "PLAN_FACTS, SWEEP, RE_EVALUATION), who acted, and the decision as GET /api/v1/decisions/{id} gives it. limit 1-100 "
            + "(default 20); pass nextCursor as cursor for the next, older page. Each decision read is audited.")
    DecisionHistory history(@RequestParam String taskId, @RequestParam(required = false) Integer limit,
                            @RequestParam(required = false) String cursor) {
        return lookup.history(taskId, limit, cursor);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a recorded decision", description = "The decision as answered, with the minimized inputs it used. "
            + "Inputs of a kind the caller's roles do not need (minimum necessary) are left out and named in withheld.")
    RecordedDecision read(@PathVariable String id) {
        return lookup.read(id);
    }
}
