package app.baton.fhir;

import app.baton.tracker.Worklists;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Baton's care plans as FHIR R4 CarePlans (docs/fhir.md). */
@RestController
@RequestMapping(path = "/fhir/r4/CarePlan", produces = {FhirResponses.FHIR_JSON, "application/json"})
@Tag(name = "FHIR R4")
class FhirPlanController {

    private final Worklists worklists;
    private final PlanResources plans;
    private final FhirResponses responses;

    FhirPlanController(Worklists worklists, PlanResources plans, FhirResponses responses) {
        this.worklists = worklists;
        this.plans = plans;
        this.responses = responses;
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a care plan as a FHIR CarePlan", description = "As GET /api/v1/plans/{id}: another location's plan is a 404; "
            + "the read is audited. Each task is an activity by reference.")
    ResponseEntity<String> read(@PathVariable String id) {
        return responses.ok(plans.of(worklists.plan(id)));
    }
}
