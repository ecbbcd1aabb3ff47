package app.baton.decision;

import app.baton.security.MinimumNecessary;
import app.baton.security.PatientAccess;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** The decision API of DECISION-API.md. */
@RestController
@Validated
@RequestMapping(path = "/api/v1/decisions", produces = "application/json")
@Tag(name = "Decisions", description = "Routing, due date, missing information, next-best actions and escalations for a task")
class DecisionController {

    private final DecisionService service;
    private final PatientAccess patientAccess;
    private final Decisions decisions;
    private final ObjectMapper json;
    private final ApplicationEventPublisher events;
    private final MinimumNecessary minimumNecessary;

    DecisionController(DecisionService service, Decisions decisions, ObjectMapper json, ApplicationEventPublisher events,
                       PatientAccess patientAccess, MinimumNecessary minimumNecessary) {
        this.minimumNecessary = minimumNecessary;
        this.patientAccess = patientAccess;
        this.service = service;
        this.decisions = decisions;
        this.json = json;
        this.events = events;
    }

    @PostMapping(consumes = "application/json")
    @Operation(summary = "Decide one task", description = "Evaluates the active rule set on one task and records the decision "
            + "before answering. The same requestId (or Idempotency-Key) with the same body returns the first decision.")
    ResponseEntity<DecisionResponse> decide(
            @Parameter(description = "Makes the call idempotent; takes precedence over requestId")
            @RequestHeader(name = "Idempotency-Key", required = false) @Size(max = 128) String idempotencyKey,
            @Valid @RequestBody DecisionRequest request) {
        DecisionService.Outcome outcome = service.decide(request, idempotencyKey);
        return ResponseEntity.ok().header("Idempotent-Replayed", String.valueOf(outcome.replayed())).body(outcome.response());
    }

    @PostMapping(path = "/batch", consumes = "application/json")
    @Operation(summary = "Decide up to 1,000 tasks", description = "Decisions come back in the order of the requests; "
            + "each request's requestId makes it idempotent on its own.")
    BatchDecisionResponse decideAll(@Valid @RequestBody BatchDecisionRequest batch) {
        return new BatchDecisionResponse(service.decideAll(batch.requests()).stream().map(DecisionService.Outcome::response).toList());
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a recorded decision", description = "The decision as answered, with the minimized inputs it used. "
            + "Inputs of a kind the caller's roles do not need (minimum necessary) are left out and named in withheld.")
    RecordedDecision read(@PathVariable String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new DecisionNotFoundException();
        }
        Decisions.Recorded recorded = decisions.findById(uuid).orElseThrow(DecisionNotFoundException::new);
        try {
            JsonNode inputs = json.readTree(recorded.inputsJson());
            // Another location's patient answers as if the decision did not exist (no probing by id).
            if (!patientAccess.canSee(text(inputs.path("patient").path("id")), text(inputs.path("patient").path("location")))) {
                events.publishEvent(new DecisionReadDenied(recorded.id(), text(inputs.path("patient").path("id"))));
                throw new DecisionNotFoundException();
            }
            // Reads of patient data are audited; a read that cannot be audited is not answered.
            events.publishEvent(new DecisionRead(recorded.id(), text(inputs.path("patient").path("id")),
                    text(inputs.path("task").path("id")), false));
            InputView view = InputView.of(inputs, minimumNecessary.forCurrentCaller());
            return new RecordedDecision(recorded.id().toString(), String.valueOf(recorded.ruleSetVersion()), recorded.recordedAt(),
                    recorded.evaluationMicros(), view.inputs(), view.withheld(), service.read(recorded.responseJson()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored decision cannot be read", e);
        }
    }

    private static String text(JsonNode node) {
        return node.isTextual() ? node.asText() : null;
    }
}
