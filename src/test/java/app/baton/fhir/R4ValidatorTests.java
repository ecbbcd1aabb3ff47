package app.baton.fhir;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Invalid FHIR inputs are refused with an OperationOutcome that names each problem at its FHIRPath location. */
class R4ValidatorTests {

    static final FhirContext CONTEXT = FhirContext.forR4Cached();
    static final FhirInputs INPUTS = new FhirInputs(CONTEXT, new FhirConfiguration().fhirValidator(CONTEXT));
    static final Set<String> TAKEN = Set.of("Task", "CarePlan", "Bundle");

    static List<String> errors(String body) {
        FhirProblem problem = catchThrowableOfType(FhirProblem.class, () -> INPUTS.read(body, TAKEN));
        assertThat(problem).as("refused: " + body).isNotNull();
        return problem.outcome().getIssue().stream().filter(i -> i.getSeverity() == OperationOutcome.IssueSeverity.ERROR)
                .map(i -> (i.getExpression().isEmpty() ? "-" : i.getExpression().get(0).getValue()) + " " + i.getDiagnostics()).toList();
    }

    static int status(String body) {
        return catchThrowableOfType(FhirProblem.class, () -> INPUTS.read(body, TAKEN)).status();
    }

    @Test
    void aWrongStatusCodeIsNamedAtTaskStatus() {
        assertThat(errors("""
                {"resourceType": "Task", "status": "bogus", "intent": "order"}""")).anySatisfy(e -> assertThat(e).startsWith("Task.status ").contains("bogus"));
    }

    @Test
    void aMissingIntentIsNamedAtTaskIntent() {
        assertThat(errors("""
                {"resourceType": "Task", "status": "requested"}""")).anySatisfy(e -> assertThat(e).startsWith("Task.intent ").contains("required"));
    }

    @Test
    void aReferenceToATypeTheElementDoesNotAllowIsNamed() {
        assertThat(errors("""
                {"resourceType": "Task", "status": "requested", "intent": "order", "owner": {"reference": "Observation/1"}}"""))
                .anySatisfy(e -> assertThat(e).startsWith("Task.owner.reference ").contains("Observation"));
    }

    @Test
    void anActivityWithBothReferenceAndDetailBreaksCpl3() {
        assertThat(errors("""
                {"resourceType": "CarePlan", "status": "active", "intent": "plan", "subject": {"reference": "Patient/1"},
                 "activity": [{"reference": {"reference": "Task/1"}, "detail": {"status": "scheduled"}}]}"""))
                .anySatisfy(e -> assertThat(e).startsWith("CarePlan.activity[0] ").contains("cpl-3"));
    }

    @Test
    void everyProblemOfOneResourceIsListed() {
        assertThat(errors("""
                {"resourceType": "Task", "status": "bogus", "unknownThing": 1, "restriction": {"period": {"start": "2026-02-02", "end": "2026-01-01"}},
                 "input": [{"type": {"text": "no value"}}]}""")).anySatisfy(e -> assertThat(e).startsWith("Task.status "))
                .anySatisfy(e -> assertThat(e).startsWith("Task.intent "))
                .anySatisfy(e -> assertThat(e).startsWith("Task.unknownThing "))
                .anySatisfy(e -> assertThat(e).startsWith("Task.restriction.period ").contains("per-1"))
                .anySatisfy(e -> assertThat(e).startsWith("Task.input[0].value "));
    }

    @Test
    void malformedJsonIsA400() {
        assertThat(status("{\"resourceType\": \"Task\",")).isEqualTo(400);
        assertThat(errors("{\"resourceType\": \"Task\",")).singleElement().asString().contains("not a FHIR R4 resource");
    }

    @Test
    void anUnknownResourceTypeIsA400AtResourceType() {
        assertThat(status("{\"resourceType\": \"Gizmo\"}")).isEqualTo(400);
        assertThat(errors("{\"resourceType\": \"Gizmo\"}")).singleElement().asString().startsWith("resourceType ").contains("Gizmo");
    }

    @Test
    void aResourceOfAnotherTypeThanTheEndpointTakesIsNamed() {
        assertThat(errors("{\"resourceType\": \"Patient\"}")).singleElement().asString().startsWith("resourceType ").contains("Patient");
    }

    @Test
    void aUsCoreProfileClaimIsAWarningNotAnError() {
        var task = INPUTS.read("""
                {"resourceType": "Task", "meta": {"profile": ["http://hl7.org/fhir/us/core/StructureDefinition/us-core-task"]},
                 "status": "requested", "intent": "order"}""", TAKEN);
        assertThat(task.fhirType()).isEqualTo("Task");
    }

    @Test
    void aValidTaskPasses() {
        assertThat(INPUTS.read("""
                {"resourceType": "Task", "status": "requested", "intent": "order", "for": {"reference": "Patient/1"},
                 "restriction": {"period": {"end": "2026-01-01T10:00:00Z"}}}""", TAKEN).fhirType()).isEqualTo("Task");
    }

    @Test
    void theExtensionsStructureDefinitionInTheDocsIsValidAndDefinesWhatBatonWrites() throws Exception {
        String json = java.nio.file.Files.readString(java.nio.file.Path.of("docs/fhir/StructureDefinition-decision-source.json"));
        var definition = (org.hl7.fhir.r4.model.StructureDefinition) INPUTS.read(json, Set.of("StructureDefinition"));
        assertThat(definition.getUrl()).isEqualTo(BatonFhir.DECISION_SOURCE);
        org.hl7.fhir.r4.model.Task task = new org.hl7.fhir.r4.model.Task();
        DecisionSource.add(task, "routing", 3, "rule", "routing.drl.xlsx#Routing!row 12");
        List<String> written = task.getExtension().get(0).getExtension().stream().map(e -> e.getUrl()).toList();
        assertThat(definition.getDifferential().getElement()).filteredOn(e -> e.hasSliceName()).extracting(e -> e.getSliceName())
                .containsExactlyElementsOf(written);
    }
}
