package app.baton.fhir;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.ResourceInteractionComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.Enumerations;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.Date;

/** GET /fhir/r4/metadata: what the FHIR endpoints support, and nothing more (a test checks each claim is served). */
@RestController
@RequestMapping(path = "/fhir/r4/metadata", produces = {FhirResponses.FHIR_JSON, "application/json"})
@Tag(name = "FHIR R4")
class FhirMetadataController {

    private static final Date PUBLISHED = new Date(0);

    private final FhirResponses responses;

    FhirMetadataController(FhirResponses responses) {
        this.responses = responses;
    }

    @GetMapping
    @Operation(summary = "The CapabilityStatement", description = "Resources, interactions, search parameters and operations Baton serves.")
    ResponseEntity<String> metadata() {
        return responses.ok(statement(ServletUriComponentsBuilder.fromCurrentContextPath().path("/fhir/r4").toUriString()));
    }

    static CapabilityStatement statement(String base) {
        CapabilityStatement statement = new CapabilityStatement();
        statement.setStatus(Enumerations.PublicationStatus.ACTIVE);
        statement.setDate(PUBLISHED);
        statement.setName("Baton");
        statement.setTitle("Baton care-plan decision service");
        statement.setKind(CapabilityStatement.CapabilityStatementKind.INSTANCE);
        statement.getSoftware().setName("Baton");
        statement.getImplementation().setDescription("Baton FHIR R4 endpoints").setUrl(base);
        statement.setFhirVersion(Enumerations.FHIRVersion._4_0_1);
        statement.addFormat("application/fhir+json");
        var rest = statement.addRest().setMode(CapabilityStatement.RestfulCapabilityMode.SERVER);
        rest.getSecurity().setDescription("HTTP Basic (Baton users), an API key (X-API-Key) or a bearer JWT, as for Baton's JSON API; "
                + "location access and minimum necessary apply and every read is audited.");

        CapabilityStatementRestResourceComponent task = rest.addResource().setType("Task");
        task.addInteraction(new ResourceInteractionComponent().setCode(TypeRestfulInteraction.READ));
        task.addInteraction(new ResourceInteractionComponent().setCode(TypeRestfulInteraction.SEARCHTYPE));
        task.addSearchParam().setName("patient").setType(Enumerations.SearchParamType.REFERENCE)
                .setDocumentation("the patient id the task is for (Patient/{id} or {id})");
        task.addSearchParam().setName("status").setType(Enumerations.SearchParamType.TOKEN)
                .setDocumentation("a FHIR task status or a Baton status; comma-separated values are or-ed");
        task.addSearchParam().setName("owner").setType(Enumerations.SearchParamType.REFERENCE)
                .setDocumentation("a Baton queue code or user name the task is routed or given to");
        task.addSearchParam().setName("_lastUpdated").setType(Enumerations.SearchParamType.DATE)
                .setDocumentation("the time of the task's last status change; prefixes ge, gt, le, lt, eq");
        task.addSearchParam().setName("_count").setType(Enumerations.SearchParamType.NUMBER).setDocumentation("page size, 1-100 (default 20)");
        task.addOperation().setName("decide").setDefinition("https://baton.app/fhir/OperationDefinition/Task-decide")
                .setDocumentation("decide a Task (or a Bundle with a Task and its Patient, Coverage, Encounter, CarePlan); idempotent on Task.identifier");

        CapabilityStatementRestResourceComponent plan = rest.addResource().setType("CarePlan");
        plan.addInteraction(new ResourceInteractionComponent().setCode(TypeRestfulInteraction.READ));

        rest.addResource().setType("Encounter").setDocumentation("a discharge taken in as intake (idempotent on identifier[0])")
                .addInteraction(new ResourceInteractionComponent().setCode(TypeRestfulInteraction.CREATE));
        rest.addResource().setType("ServiceRequest").setDocumentation("a referral taken in as intake (idempotent on identifier[0])")
                .addInteraction(new ResourceInteractionComponent().setCode(TypeRestfulInteraction.CREATE));
        return statement;
    }
}
