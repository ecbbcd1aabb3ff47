package app.baton.cdshooks;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** CDS Hooks 2.0 (docs/cds-hooks.md): discovery, the hooks, feedback; and the per-row figures for clinical leads. */
@RestController
@Tag(name = "CDS Hooks")
class HookController {

    private final HookCalls calls;
    private final Feedback feedback;
    private final RowFigures figures;

    HookController(HookCalls calls, Feedback feedback, RowFigures figures) {
        this.calls = calls;
        this.feedback = feedback;
        this.figures = figures;
    }

    @Operation(summary = "CDS Hooks discovery: Baton's services and their prefetch templates (an EHR's signed JWT)")
    @GetMapping("/cds-services")
    Services.Discovery discovery() {
        return Services.DISCOVERY;
    }

    @Operation(summary = "Call a CDS Hooks service: cards decided by the active rule set, each decision recorded")
    @PostMapping("/cds-services/{id}")
    Card.Response call(@PathVariable String id, @RequestBody HookRequest request) {
        return calls.call(id, request);
    }

    @Operation(summary = "Feedback on cards: accepted (with the suggestions taken) or overridden (with a reason)")
    @PostMapping("/cds-services/{id}/feedback")
    ResponseEntity<Void> feedback(@PathVariable String id, @RequestBody FeedbackRequest request) {
        feedback.record(id, request);
        return ResponseEntity.ok().build();
    }

    @Operation(summary = "Per table row: CDS Hooks cards shown, accepted, overridden, and the override reasons")
    @GetMapping("/api/v1/cds-hooks/row-figures")
    List<RowFigures.Row> rowFigures(@RequestParam(required = false) Integer version) {
        return figures.rows(version);
    }
}
