package app.baton.fhir;

import app.baton.careplan.CarePlanDesk;
import app.baton.task.TaskDesk;
import app.baton.intake.IntakeReceiver;
import app.baton.intake.IntakeView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/**
 * Intake by FHIR: a discharge (Encounter) or referral (ServiceRequest), alone or in a Bundle with its Patient and Coverage.
 * A released intake answers its care plan as a CarePlan; a held one the task that waits for the missing information.
 */
@RestController
@RequestMapping(produces = {FhirResponses.FHIR_JSON, "application/json"})
@Tag(name = "FHIR R4")
class FhirIntakeController {

    private final FhirIntake intake;
    private final TaskDesk taskDesk;
    private final CarePlanDesk planDesk;
    private final PlanResources plans;
    private final TaskResources tasks;
    private final FhirResponses responses;

    FhirIntakeController(FhirIntake intake, TaskDesk taskDesk, CarePlanDesk planDesk, PlanResources plans, TaskResources tasks, FhirResponses responses) {
        this.intake = intake;
        this.taskDesk = taskDesk;
        this.planDesk = planDesk;
        this.plans = plans;
        this.tasks = tasks;
        this.responses = responses;
    }

    @PostMapping(path = "/fhir/r4/Encounter", consumes = {FhirResponses.FHIR_JSON, "application/json"})
    @Operation(summary = "Take in a discharge as a FHIR Encounter", description = "Encounter.identifier[0] (system and value) makes it "
            + "idempotent like sourceSystem + sourceId; period.end is the discharge. 201 with the CarePlan, or the held Task.")
    ResponseEntity<String> discharge(@RequestBody(required = false) String body) {
        return answer(intake.discharge(body));
    }

    @PostMapping(path = "/fhir/r4/ServiceRequest", consumes = {FhirResponses.FHIR_JSON, "application/json"})
    @Operation(summary = "Take in a referral as a FHIR ServiceRequest", description = "ServiceRequest.identifier[0] makes it idempotent; "
            + "201 with the CarePlan, or the held Task when information is missing.")
    ResponseEntity<String> referral(@RequestBody(required = false) String body) {
        return answer(intake.referral(body));
    }

    private ResponseEntity<String> answer(IntakeReceiver.Receipt receipt) {
        IntakeView view = receipt.view();
        IBaseResource resource;
        URI location;
        if (view.planId() != null) {
            resource = plans.of(planDesk.plan(view.planId().toString()));
            location = URI.create("/fhir/r4/CarePlan/" + view.planId());
        } else {
            resource = tasks.of(taskDesk.task(view.heldTaskId().toString()));
            location = URI.create("/fhir/r4/Task/" + view.heldTaskId());
        }
        ResponseEntity.BodyBuilder builder = receipt.replayed() ? ResponseEntity.ok() : ResponseEntity.created(location);
        return builder.contentType(FhirResponses.FHIR_JSON_UTF8).header("Idempotent-Replayed", String.valueOf(receipt.replayed()))
                .header("X-Baton-Intake", view.id().toString()).body(responses.encode(resource));
    }
}
