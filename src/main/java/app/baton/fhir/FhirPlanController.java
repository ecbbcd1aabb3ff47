package app.baton.fhir;

import app.baton.careplan.CarePlanDesk;
import app.baton.security.PermissionMatrix;
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

    private final CarePlanDesk desk;
    private final PlanResources plans;
    private final FhirResponses responses;

    FhirPlanController(CarePlanDesk desk, PlanResources plans, FhirResponses responses) {
        this.desk = desk;
        this.plans = plans;
        this.responses = responses;
    }

    @GetMapping("/" + PermissionMatrix.FHIR_ID)
    @Operation(summary = "Read a care plan as a FHIR CarePlan", description = "As GET /api/v1/plans/{id}: another location's plan is a 404; "
            + "the read is audited. Each task is an activity by reference.")
    ResponseEntity<String> read(@PathVariable String id) {
        return responses.ok(plans.of(desk.plan(id)));
    }
}
