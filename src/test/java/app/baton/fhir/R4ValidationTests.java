package app.baton.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.utilities.http.ManagedWebAccess;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Invalid FHIR inputs are refused by HAPI's R4 instance validator with an OperationOutcome that names each problem at its
 * FHIRPath location; valid ones (a US Core claim included) pass; Baton's extension definition is itself valid R4 and is what a
 * Task's decision-source extension is checked against.
 */
class R4ValidationTests {

    static final FhirContext CONTEXT = FhirContext.forR4Cached();
    static final R4Validation VALIDATION = new R4Validation(CONTEXT);
    static final FhirInputs INPUTS = new FhirInputs(CONTEXT, VALIDATION, new com.fasterxml.jackson.databind.ObjectMapper());
    static final Set<String> TAKEN = Set.of("Task", "CarePlan", "Bundle", "Encounter");

    static List<String> errors(String body) {
        FhirProblem problem = catchThrowableOfType(FhirProblem.class, () -> INPUTS.read(body, TAKEN));
        assertThat(problem).as("refused: " + body).isNotNull();
        return problem.outcome().getIssue().stream().filter(i -> i.getSeverity() == OperationOutcome.IssueSeverity.ERROR)
                .map(i -> (i.getExpression().isEmpty() ? "-" : i.getExpression().get(0).getValue()) + " " + i.getDiagnostics()).toList();
    }

    static int status(String body) {
        return catchThrowableOfType(FhirProblem.class, () -> INPUTS.read(body, TAKEN)).status();
    }

    /** What the validator says about a resource, severity first: "ERROR Task.status ...". */
    static List<String> validated(String json) {
        return VALIDATION.validate(json).stream().map(m -> m.getSeverity() + " " + FhirProblem.location(m) + " " + m.getMessage()).toList();
    }

    static List<String> errorsOf(List<SingleValidationMessage> messages) {
        return messages.stream().filter(FhirInputs::isError).map(m -> m.getLocationString() + " " + m.getMessage()).toList();
    }

    @Test
    void aWrongStatusCodeIsNamedAtTaskStatus() {
        assertThat(errors("""
                {"resourceType": "Task", "status": "bogus", "intent": "order"}""")).anySatisfy(e -> assertThat(e).startsWith("Task.status ").contains("bogus"));
    }

    @Test
    void aMissingIntentIsNamedAtTaskIntent() {
        assertThat(errors("""
                {"resourceType": "Task", "status": "requested"}""")).anySatisfy(e -> assertThat(e).startsWith("Task.intent ").contains("minimum required = 1"));
    }

    @Test
    void aReferenceToATypeTheElementDoesNotAllowIsNamed() {
        assertThat(errors("""
                {"resourceType": "Task", "status": "requested", "intent": "order", "owner": {"reference": "Observation/1"}}"""))
                .anySatisfy(e -> assertThat(e).startsWith("Task.owner.reference ").contains("Observation"));
    }

    @Test
    void aReferenceWhoseTypeSaysOtherThanItsReferenceIsNamed() {
        assertThat(errors("""
                {"resourceType": "Task", "status": "requested", "intent": "order", "owner": {"reference": "Practitioner/1", "type": "Patient"}}"""))
                .anySatisfy(e -> assertThat(e).startsWith("Task.owner").contains("Patient").contains("Practitioner"));
    }

    @Test
    void anActivityWithBothReferenceAndDetailBreaksCpl3() {
        List<String> errors = errors("""
                {"resourceType": "CarePlan", "status": "active", "intent": "plan", "subject": {"reference": "Patient/1"},
                 "activity": [{"reference": {"reference": "Task/1"}, "detail": {"status": "scheduled"}}]}""");
        assertThat(errors).anySatisfy(e -> assertThat(e).startsWith("CarePlan.activity[0] ").contains("cpl-3"));
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
    void eachIssueHasTheCodeOfWhatItBreaks() {
        FhirProblem problem = catchThrowableOfType(FhirProblem.class, () -> INPUTS.read("""
                {"resourceType": "CarePlan", "status": "bogus", "subject": {"reference": "Patient/1"},
                 "activity": [{"reference": {"reference": "Task/1"}, "detail": {"status": "scheduled"}}]}""", TAKEN));
        assertThat(problem.status()).isEqualTo(422);
        assertThat(problem.outcome().getIssue()).extracting(i -> i.getExpression().get(0).getValue() + " " + i.getCode().toCode())
                .contains("CarePlan.status code-invalid", "CarePlan.intent required", "CarePlan.activity[0] invariant");
    }

    @Test
    void anIdentifierSystemMustBeAnAbsoluteUri() {
        assertThat(errors("""
                {"resourceType": "Encounter", "identifier": [{"system": "EHR-ADT", "value": "1"}], "status": "finished",
                 "class": {"system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "IMP"}}"""))
                .anySatisfy(e -> assertThat(e).startsWith("Encounter.identifier[0] ").contains("absolute"));
    }

    @Test
    void aCollectionBundlesEntriesNeedAFullUrl() {
        assertThat(errors("""
                {"resourceType": "Bundle", "type": "collection", "entry": [{"resource": {"resourceType": "Task", "status": "requested", "intent": "order"}}]}"""))
                .anySatisfy(e -> assertThat(e).startsWith("Bundle.entry[0] ").contains("fullUrl"));
        assertThat(INPUTS.read("""
                {"resourceType": "Bundle", "type": "collection", "entry": [{"fullUrl": "urn:uuid:2f3b1c4e-8a7d-4e1b-9c2a-5d6e7f809a1b",
                  "resource": {"resourceType": "Task", "status": "requested", "intent": "order"}}]}""", TAKEN).fhirType()).isEqualTo("Bundle");
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
        String claimed = """
                {"resourceType": "Task", "meta": {"profile": ["http://hl7.org/fhir/us/core/StructureDefinition/us-core-task"]},
                 "status": "requested", "intent": "order"}""";
        assertThat(INPUTS.read(claimed, TAKEN).fhirType()).isEqualTo("Task");
        assertThat(validated(claimed)).noneMatch(m -> m.startsWith("ERROR") || m.startsWith("FATAL"))
                .anySatisfy(m -> assertThat(m).startsWith("WARNING Task.meta.profile[0] ").contains("us-core-task"));
    }

    @Test
    void aValidTaskPasses() {
        assertThat(INPUTS.read("""
                {"resourceType": "Task", "status": "requested", "intent": "order", "for": {"reference": "Patient/1"},
                 "restriction": {"period": {"end": "2026-01-01T10:00:00Z"}}}""", TAKEN).fhirType()).isEqualTo("Task");
    }

    @Test
    void theValidatorReachesNoNetwork() {
        assertThat(ManagedWebAccess.getAccessPolicy()).isEqualTo(ManagedWebAccess.WebAccessPolicy.PROHIBITED);
    }

    @Test
    void theExtensionsStructureDefinitionInTheDocsIsValidR4AndDefinesWhatBatonWrites() throws Exception {
        String json = Files.readString(Path.of("docs/fhir/StructureDefinition-decision-source.json"));
        assertThat(errorsOf(VALIDATION.validate(json))).isEmpty();
        assertThat(validated(json)).noneMatch(m -> m.contains("snapshot") || m.contains("Snapshot"));
        StructureDefinition definition = (StructureDefinition) INPUTS.read(json, Set.of("StructureDefinition"));
        assertThat(definition.getUrl()).isEqualTo(BatonFhir.DECISION_SOURCE);
        // the copy the validator loads is the published one
        assertThat(CONTEXT.newJsonParser().encodeResourceToString(R4Validation.decisionSourceDefinition(CONTEXT)))
                .isEqualTo(CONTEXT.newJsonParser().encodeResourceToString(definition));
        Task task = new Task();
        DecisionSource.add(task, "routing", 3, "rule", "routing.drl.xlsx#Routing!row 12");
        List<String> written = task.getExtension().get(0).getExtension().stream().map(e -> e.getUrl()).toList();
        assertThat(definition.getDifferential().getElement()).filteredOn(e -> e.hasSliceName()).extracting(e -> e.getSliceName())
                .containsExactlyElementsOf(written);
    }

    @Test
    void aTaskCarryingTheExtensionIsCheckedAgainstItsDefinition() {
        Task task = new Task().setStatus(Task.TaskStatus.REQUESTED).setIntent(Task.TaskIntent.ORDER);
        DecisionSource.add(task, "routing", 3, "TaskRouting_28", "routing.drl.xlsx#Routing!row 28");
        DecisionSource.add(task, "due", null, null, null);
        assertThat(errorsOf(VALIDATION.validate(task))).isEmpty();

        // a sub-extension the definition does not have, and one without its required aspect: both refused, at the extension
        Task wrong = new Task().setStatus(Task.TaskStatus.REQUESTED).setIntent(Task.TaskIntent.ORDER);
        DecisionSource.add(wrong, "routing", 3, "rule", "row");
        wrong.getExtension().get(0).addExtension("tableRow", new org.hl7.fhir.r4.model.StringType("x"));
        wrong.addExtension().setUrl(BatonFhir.DECISION_SOURCE).addExtension("rule", new org.hl7.fhir.r4.model.StringType("r"));
        List<String> errors = errorsOf(VALIDATION.validate(wrong));
        assertThat(errors).anySatisfy(e -> assertThat(e).startsWith("Task.extension[0].extension[4]").contains("tableRow"));
        assertThat(errors).anySatisfy(e -> assertThat(e).startsWith("Task.extension[1]").contains("aspect"));
    }

    @Test
    void theWarmUpRunsOnceAndAValidationBeforeItEndsWaitsForIt() throws Exception {
        R4Validation cold = new R4Validation(CONTEXT);
        assertThat(cold.isWarm()).isFalse();
        Thread warming = FhirConfiguration.warmInBackground(cold);
        List<SingleValidationMessage> messages = cold.validate("""
                {"resourceType": "Task", "status": "requested", "intent": "order"}""");
        assertThat(cold.isWarm()).isTrue();
        assertThat(messages).noneMatch(FhirInputs::isError);
        warming.join(60_000);
        assertThat(warming.isAlive()).isFalse();
        assertThat(ResultSeverityEnum.values()).isNotEmpty();
    }
}
