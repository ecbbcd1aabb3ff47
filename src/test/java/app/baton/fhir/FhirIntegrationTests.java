package app.baton.fhir;

import app.baton.HttpJson;
import app.baton.WebIntegrationTest;
import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The FHIR R4 endpoints over HTTP: each output kind validates against base R4 with no error, Task and CarePlan carry what the
 * JSON API says, access and audit are the JSON API's, $decide is recorded and idempotent and keeps what Baton does not own.
 */
class FhirIntegrationTests extends WebIntegrationTest {

    static final String FHIR = "application/fhir+json";

    @Autowired
    FhirContext context;
    @Autowired
    R4Validation validator;
    @Autowired
    JdbcClient jdbc;

    String patient;
    String planId;
    String taskId;

    @BeforeEach
    void plan() {
        String id = UUID.randomUUID().toString();
        patient = "pt-" + id;
        planId = discharge(id, "MAIN_CLINIC");
        taskId = http.get("/api/v1/plans/" + planId).json().path("tasks").get(0).path("id").asText();
    }

    String discharge(String id, String location) {
        return http.post("/api/v1/intake/discharges", """
                {"sourceSystem": "EHR-ADT", "sourceId": "%s",
                 "patient": {"id": "pt-%s", "payer": "MEDICARE", "memberId": "M-1", "language": "en", "location": "%s", "consentOnFile": true},
                 "program": "TCM", "complexity": "HIGH", "dischargeAt": "2026-03-09T08:00:00-04:00"}
                """.formatted(id, id, location)).json().path("planId").asText();
    }

    <T extends IBaseResource> T parse(HttpJson.Response response, Class<T> type) {
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        assertThat(response.contentType()).startsWith(FHIR);
        return context.newJsonParser().parseResource(type, response.text());
    }

    /** What HAPI's R4 instance validator finds wrong with an answer, as Baton sent it (the text, not a parsed copy). */
    List<String> errors(HttpJson.Response response) {
        return validator.validate(response.text()).stream().filter(FhirInputs::isError)
                .map(m -> m.getLocationString() + " " + m.getMessage()).toList();
    }

    @Test
    void aTaskReadsAsAValidFhirTaskWithWhatTheJsonApiSays() {
        JsonNode json = http.get("/api/v1/tasks/" + taskId).json();
        HttpJson.Response read = http.get("/fhir/r4/Task/" + taskId);
        Task task = parse(read, Task.class);

        assertThat(errors(read)).isEmpty();
        assertThat(task.getIdElement().getIdPart()).isEqualTo(taskId);
        assertThat(task.getIntent()).isEqualTo(Task.TaskIntent.ORDER);
        assertThat(task.getBusinessStatus().getCodingFirstRep().getCode()).isEqualTo(json.path("status").asText());
        assertThat(task.getStatus()).isEqualTo(BatonFhir.STATUS.get(app.baton.engine.model.TaskStatus.valueOf(json.path("status").asText())));
        assertThat(task.getFor().getReference()).isEqualTo("Patient/" + patient);
        assertThat(task.getBasedOnFirstRep().getReference()).isEqualTo("CarePlan/" + planId);
        assertThat(task.getOwner().getIdentifier().getValue()).isEqualTo(json.path("owner").path("queue").asText());
        assertThat(task.getRestriction().getPeriod().getEnd().toInstant())
                .isEqualTo(OffsetDateTime.parse(json.path("due").path("at").asText()).toInstant());
        assertThat(task.getExtensionsByUrl(BatonFhir.DECISION_SOURCE)).extracting(e -> aspect(e) + " " + row(e))
                .contains("routing " + json.path("owner").path("source").asText(), "due " + json.path("due").path("source").asText());
    }

    @Test
    void aCarePlanReadsAsAValidFhirCarePlanWithEachTaskAnActivityByReference() {
        JsonNode json = http.get("/api/v1/plans/" + planId).json();
        HttpJson.Response read = http.get("/fhir/r4/CarePlan/" + planId);
        CarePlan plan = parse(read, CarePlan.class);

        assertThat(errors(read)).isEmpty();
        assertThat(plan.getIntent()).isEqualTo(CarePlan.CarePlanIntent.PLAN);
        assertThat(plan.getStatus()).isEqualTo(CarePlan.CarePlanStatus.ACTIVE);
        assertThat(plan.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("TCM");
        assertThat(plan.getSubject().getReference()).isEqualTo("Patient/" + patient);
        assertThat(plan.getActivity()).hasSize(json.path("tasks").size()).allSatisfy(a -> assertThat(a.hasDetail()).isFalse());
        assertThat(plan.getActivityFirstRep().getReference().getReference()).isEqualTo("Task/" + json.path("tasks").get(0).path("id").asText());
    }

    @Test
    void theCapabilityStatementIsValidAndEachReadItClaimsIsServed() {
        HttpJson.Response metadata = http.anonymous().get("/fhir/r4/metadata");
        var statement = parse(metadata, org.hl7.fhir.r4.model.CapabilityStatement.class);
        assertThat(errors(metadata)).isEmpty();
        assertThat(statement.getRestFirstRep().getResource()).extracting(r -> r.getType()).containsExactly("Task", "CarePlan", "Encounter", "ServiceRequest");
        assertThat(http.get("/fhir/r4/Task?patient=" + patient + "&status=requested,ready,in-progress&owner=x&_lastUpdated=ge2020-01-01T00:00:00Z&_count=5")
                .status()).isEqualTo(200);
    }

    @Test
    void searchByPatientPagesThroughTheTasksWithLinksAndValidates() {
        int tasks = http.get("/api/v1/plans/" + planId).json().path("tasks").size();
        assertThat(tasks).isGreaterThan(1);
        HttpJson.Response firstPage = http.get("/fhir/r4/Task?patient=Patient/" + patient + "&_count=1");
        Bundle first = parse(firstPage, Bundle.class);
        assertThat(errors(firstPage)).isEmpty();
        assertThat(first.getType()).isEqualTo(Bundle.BundleType.SEARCHSET);
        assertThat(first.getEntry()).hasSize(1);
        String next = first.getLink("next").getUrl();
        HttpJson.Response secondPage = http.get(next.substring(next.indexOf("/fhir/")));
        Bundle second = parse(secondPage, Bundle.class);
        assertThat(errors(secondPage)).isEmpty();
        assertThat(second.getEntry()).hasSize(1);
        assertThat(second.getEntryFirstRep().getResource().getIdElement().getIdPart())
                .isNotEqualTo(first.getEntryFirstRep().getResource().getIdElement().getIdPart());
        assertThat(second.getLink("previous")).isNotNull();

        Bundle all = parse(http.get("/fhir/r4/Task?patient=" + patient + "&_count=100"), Bundle.class);
        assertThat(all.getTotal()).isEqualTo(tasks);
        assertThat(all.getLink("next")).isNull();
        Bundle none = parse(http.get("/fhir/r4/Task?patient=" + patient + "&status=completed"), Bundle.class);
        assertThat(none.getEntry()).isEmpty();
    }

    @Test
    void anotherLocationsTaskAndPlanAreNotFoundAndLeftOutOfSearchesAndReadsAreAudited() {
        String id = UUID.randomUUID().toString();
        String satellitePlan = discharge(id, "SATELLITE_CLINIC");
        String satelliteTask = http.get("/api/v1/plans/" + satellitePlan).json().path("tasks").get(0).path("id").asText();
        HttpJson coordinator = http.asUser("coordinator");

        HttpJson.Response task = coordinator.get("/fhir/r4/Task/" + satelliteTask);
        assertThat(task.status()).isEqualTo(404);
        OperationOutcome outcome = context.newJsonParser().parseResource(OperationOutcome.class, task.text());
        assertThat(outcome.getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.NOTFOUND);
        assertThat(coordinator.get("/fhir/r4/CarePlan/" + satellitePlan).status()).isEqualTo(404);
        assertThat(parse(coordinator.get("/fhir/r4/Task?patient=pt-" + id), Bundle.class).getEntry()).isEmpty();
        assertThat(jdbc.sql("select count(*) from audit_event where object_id = :id and outcome = 'DENIED'").param("id", satelliteTask)
                .query(Long.class).single()).isEqualTo(1);

        assertThat(coordinator.get("/fhir/r4/Task/" + taskId).status()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from audit_event where object_id = :id and action = 'READ' and outcome = 'SUCCESS'")
                .param("id", taskId).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void decideFillsInBatonsDecisionKeepsEverythingElseAndIsRecordedOnce() {
        String identifier = UUID.randomUUID().toString();
        String body = decideBody(identifier, "in-progress");
        HttpJson.Response first = http.post("/fhir/r4/Task/$decide", body, "Content-Type", FHIR);
        Bundle bundle = parse(first, Bundle.class);
        assertThat(errors(first)).isEmpty();
        assertThat(bundle.getEntry()).allSatisfy(e -> assertThat(e.getFullUrl()).startsWith("urn:uuid:"));
        assertThat(first.header("Idempotent-Replayed")).isEqualTo("false");
        Task task = (Task) bundle.getEntry().get(0).getResource();
        Provenance provenance = (Provenance) bundle.getEntry().get(1).getResource();

        // Baton's decision
        assertThat(task.getOwner().getIdentifier().getSystem()).isEqualTo(BatonFhir.QUEUE);
        assertThat(task.getExtensionsByUrl(BatonFhir.DECISION_SOURCE)).isNotEmpty();
        // what Baton does not own comes back as it was sent
        assertThat(task.getNoteFirstRep().getText()).isEqualTo("call after 3pm");
        assertThat(task.getExtensionByUrl("https://ehr.example/ext/ward").getValue().primitiveValue()).isEqualTo("4B");
        assertThat(task.getInput()).anySatisfy(i -> assertThat(i.getType().getText()).isEqualTo("ehr-input"));
        assertThat(task.getDescription()).isEqualTo("Post-discharge call");
        assertThat(task.getIdElement().getIdPart()).isEqualTo("task-" + identifier);
        assertThat(task.getIdentifierFirstRep().getValue()).isEqualTo(identifier);
        assertThat(task.getRequester().getReference()).isEqualTo("Practitioner/dr-1");
        assertThat(task.getStatus()).isEqualTo(Task.TaskStatus.INPROGRESS);
        // the provenance names the version and rows, and the decision is recorded under its id
        String decisionId = provenance.getIdElement().getIdPart();
        assertThat(provenance.getTargetFirstRep().getReference()).isEqualTo("Task/task-" + identifier);
        assertThat(provenance.getExtensionsByUrl(BatonFhir.DECISION_SOURCE)).isNotEmpty().allSatisfy(e -> assertThat(row(e)).isNotBlank());
        assertThat(jdbc.sql("select id::text from decision where task_id = :t").param("t", "task-" + identifier).query(String.class).list())
                .containsExactly(decisionId);
        assertThat(http.get("/api/v1/decisions/" + decisionId).status()).isEqualTo(200);

        HttpJson.Response again = http.post("/fhir/r4/Task/$decide", body, "Content-Type", FHIR);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(((Provenance) parse(again, Bundle.class).getEntry().get(1).getResource()).getIdElement().getIdPart())
                .isEqualTo(decisionId);
        assertThat(jdbc.sql("select count(*) from decision where task_id = :t").param("t", "task-" + identifier).query(Long.class).single())
                .isEqualTo(1);

        HttpJson.Response other = http.post("/fhir/r4/Task/$decide", decideBody(identifier, "ready"), "Content-Type", FHIR);
        assertThat(other.status()).isEqualTo(422);
        OperationOutcome conflict = context.newJsonParser().parseResource(OperationOutcome.class, other.text());
        assertThat(conflict.getIssueFirstRep().getExpression()).extracting(e -> e.getValue()).containsExactly("Task.identifier");
    }

    @Test
    void decideTakesABundleWithTheEncounterAndAUsCoreProfileClaim() {
        String identifier = UUID.randomUUID().toString();
        String body = """
                {"resourceType": "Bundle", "type": "collection", "entry": [
                  {"fullUrl": "https://ehr.example/fhir/Task/task-%s", "resource": %s},
                  {"fullUrl": "https://ehr.example/fhir/Patient/pt-b",
                   "resource": {"resourceType": "Patient", "id": "pt-b", "meta": {"profile": ["http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient"]}}},
                  {"fullUrl": "urn:uuid:%s",
                   "resource": {"resourceType": "Encounter", "status": "finished", "class": {"system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "IMP"},
                                "period": {"end": "2026-03-09T08:00:00-04:00"}}}]}
                """.formatted(identifier, decideBody(identifier, "requested"), UUID.randomUUID());
        HttpJson.Response decided = http.post("/fhir/r4/Task/$decide", body, "Content-Type", FHIR);
        Bundle bundle = parse(decided, Bundle.class);
        assertThat(errors(decided)).isEmpty();
        // the Task keeps the identity the sender gave it
        assertThat(bundle.getEntryFirstRep().getFullUrl()).isEqualTo("https://ehr.example/fhir/Task/task-" + identifier);
        // the discharge date comes from the Encounter: the due date is counted from it
        assertThat(((Task) bundle.getEntryFirstRep().getResource()).getRestriction().getPeriod().hasEnd()).isTrue();
    }

    @Test
    void decideSendsTheCarePlanBackAsSentWithTheDecidedTaskAmongItsActivities() {
        String identifier = UUID.randomUUID().toString();
        String sentPlan = """
                {"resourceType": "CarePlan", "id": "ehr-plan-9", "status": "active", "intent": "plan",
                 "meta": {"profile": ["http://hl7.org/fhir/us/core/StructureDefinition/us-core-careplan"]},
                 "extension": [{"url": "https://ehr.example/ext/plan-owner", "valueString": "Dr. Ito"}],
                 "category": [{"coding": [{"system": "https://baton.app/fhir/CodeSystem/program", "code": "TCM"}]},
                              {"coding": [{"system": "http://hl7.org/fhir/us/core/CodeSystem/careplan-category", "code": "assess-plan"}]}],
                 "title": "After the March discharge", "subject": {"reference": "Patient/pt-b"},
                 "period": {"start": "2026-03-09"}, "note": [{"text": "family prefers mornings"}],
                 "activity": [{"reference": {"reference": "Task/ehr-other-task"}}]}
                """;
        String body = """
                {"resourceType": "Bundle", "type": "collection", "entry": [{"fullUrl": "https://ehr.example/fhir/Task/task-%s", "resource": %s},
                  {"fullUrl": "urn:uuid:%s", "resource": %s}]}
                """.formatted(identifier, decideBody(identifier, "requested"), UUID.randomUUID(), sentPlan);
        HttpJson.Response decided = http.post("/fhir/r4/Task/$decide", body, "Content-Type", FHIR);
        Bundle bundle = parse(decided, Bundle.class);
        assertThat(errors(decided)).isEmpty();
        assertThat(bundle.getEntry()).hasSize(3);
        CarePlan back = (CarePlan) bundle.getEntry().get(2).getResource();

        // everything the sender wrote comes back; Baton adds one activity, a reference to the decided Task
        CarePlan expected = context.newJsonParser().parseResource(CarePlan.class, sentPlan);
        expected.addActivity().setReference(new Reference("Task/task-" + identifier));
        assertThat(back.equalsDeep(expected))
                .as("returned %s", context.newJsonParser().encodeResourceToString(back)).isTrue();
        assertThat(back.getActivity()).allSatisfy(a -> assertThat(a.hasDetail()).isFalse());

        // a CarePlan that already lists the Task comes back unchanged: no second activity for it
        String second = UUID.randomUUID().toString();
        String listing = sentPlan.replace("Task/ehr-other-task", "Task/task-" + second);
        HttpJson.Response decidedAgain = http.post("/fhir/r4/Task/$decide", """
                {"resourceType": "Bundle", "type": "collection", "entry": [{"fullUrl": "https://ehr.example/fhir/Task/task-%s", "resource": %s},
                  {"fullUrl": "urn:uuid:%s", "resource": %s}]}
                """.formatted(second, decideBody(second, "requested"), UUID.randomUUID(), listing), "Content-Type", FHIR);
        Bundle again = parse(decidedAgain, Bundle.class);
        assertThat(errors(decidedAgain)).isEmpty();
        assertThat(again.getEntry().get(2).getResource().equalsDeep(context.newJsonParser().parseResource(CarePlan.class, listing))).isTrue();
    }

    @Test
    void anInvalidTaskToDecideIsA422OperationOutcomeNamingEachProblem() {
        HttpJson.Response response = http.post("/fhir/r4/Task/$decide", """
                {"resourceType": "Task", "status": "bogus", "owner": {"reference": "Observation/1"}}""", "Content-Type", FHIR);
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.contentType()).startsWith(FHIR);
        OperationOutcome outcome = context.newJsonParser().parseResource(OperationOutcome.class, response.text());
        assertThat(outcome.getIssue()).flatExtracting(i -> i.getExpression()).extracting(e -> e.getValue())
                .contains("Task.status", "Task.intent", "Task.owner.reference");
        assertThat(http.post("/fhir/r4/Task/$decide", "{not json", "Content-Type", FHIR).status()).isEqualTo(400);
        assertThat(http.post("/fhir/r4/Task/$decide", "{\"resourceType\": \"Gizmo\"}", "Content-Type", FHIR).status()).isEqualTo(400);
    }

    /** Every refusal under /fhir/r4 is an OperationOutcome that is itself valid R4, whatever refused it. */
    @Test
    void everyOperationOutcomeValidatesWithNoError() {
        List<HttpJson.Response> refusals = List.of(
                http.post("/fhir/r4/Task/$decide", """
                        {"resourceType": "Task", "status": "bogus", "unknownThing": 1, "owner": {"reference": "Observation/1"}}""", "Content-Type", FHIR),
                http.post("/fhir/r4/Task/$decide", "{not json", "Content-Type", FHIR),
                http.post("/fhir/r4/Task/$decide", "{\"resourceType\": \"Gizmo\"}", "Content-Type", FHIR),
                http.get("/fhir/r4/Task/00000000-0000-0000-0000-000000000000"),
                http.get("/fhir/r4/Task?code=x"),
                http.get("/fhir/r4/Patient/1"),
                http.anonymous().get("/fhir/r4/Task/" + taskId));
        assertThat(refusals).extracting(HttpJson.Response::status).containsExactly(422, 400, 400, 404, 400, 404, 401);
        for (HttpJson.Response refusal : refusals) {
            assertThat(refusal.contentType()).startsWith(FHIR);
            assertThat(context.newJsonParser().parseResource(refusal.text()).fhirType()).isEqualTo("OperationOutcome");
            assertThat(errors(refusal)).as(refusal.text()).isEmpty();
        }
    }

    @Test
    void anUnsupportedSearchParameterIsA400NamingIt() {
        HttpJson.Response response = http.get("/fhir/r4/Task?code=x");
        assertThat(response.status()).isEqualTo(400);
        assertThat(context.newJsonParser().parseResource(OperationOutcome.class, response.text()).getIssueFirstRep().getExpression().get(0)
                .getValue()).isEqualTo("code");
    }

    static String encounter(String id, String location) {
        return """
                {"resourceType": "Bundle", "type": "collection", "entry": [
                  {"fullUrl": "urn:uuid:%s",
                   "resource": {"resourceType": "Encounter", "identifier": [{"system": "https://baton.app/fhir/sid/source-system/EHR-ADT-FHIR", "value": "%s"}], "status": "finished",
                    "class": {"system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "IMP"},
                    "subject": {"reference": "Patient/pt-%s"}, "period": {"end": "2026-03-09T08:00:00-04:00"},
                    "hospitalization": {"dischargeDisposition": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/discharge-disposition", "code": "home"}]}},
                    "location": [{"location": {"identifier": {"value": "%s"}}}]}},
                  {"fullUrl": "https://ehr.example/fhir/Patient/pt-%s",
                   "resource": {"resourceType": "Patient", "id": "pt-%s", "communication": [{"language": {"coding": [{"system": "urn:ietf:bcp:47", "code": "en"}]}}]}},
                  {"fullUrl": "urn:uuid:%s",
                   "resource": {"resourceType": "Coverage", "status": "active", "subscriberId": "M-1", "beneficiary": {"reference": "https://ehr.example/fhir/Patient/pt-%s"},
                    "payor": [{"display": "MEDICARE"}]}}]}
                """.formatted(UUID.nameUUIDFromBytes(("encounter " + id).getBytes()), id, id, location, id, id,
                UUID.nameUUIDFromBytes(("coverage " + id).getBytes()), id);
    }

    @Test
    void aDischargeByFhirEncounterStartsAPlanOnceLikeTheJsonIntake() {
        String id = UUID.randomUUID().toString();
        HttpJson.Response first = http.post("/fhir/r4/Encounter", encounter(id, "MAIN_CLINIC"), "Content-Type", FHIR);
        assertThat(first.status()).as(first.text()).isEqualTo(201);
        CarePlan plan = context.newJsonParser().parseResource(CarePlan.class, first.text());
        assertThat(errors(first)).isEmpty();
        assertThat(plan.getSubject().getReference()).isEqualTo("Patient/pt-" + id);
        assertThat(plan.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("TCM");
        JsonNode json = http.get("/api/v1/intake/" + first.header("X-Baton-Intake")).json();
        assertThat(json.path("sourceSystem").asText()).isEqualTo("EHR-ADT-FHIR");
        assertThat(json.path("planId").asText()).isEqualTo(plan.getIdElement().getIdPart());

        HttpJson.Response again = http.post("/fhir/r4/Encounter", encounter(id, "MAIN_CLINIC"), "Content-Type", FHIR);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(context.newJsonParser().parseResource(CarePlan.class, again.text()).getIdElement().getIdPart())
                .isEqualTo(plan.getIdElement().getIdPart());
        assertThat(jdbc.sql("select count(*) from intake where source_id = :id").param("id", id).query(Long.class).single()).isEqualTo(1);

        HttpJson.Response noLocation = http.post("/fhir/r4/Encounter", encounter(UUID.randomUUID().toString(), "MAIN_CLINIC")
                .replaceFirst(",\\s*\"location\": \\[[^]]*]", ""), "Content-Type", FHIR);
        assertThat(noLocation.status()).as(noLocation.text()).isEqualTo(422);
        assertThat(context.newJsonParser().parseResource(OperationOutcome.class, noLocation.text()).getIssue())
                .flatExtracting(i -> i.getExpression()).extracting(e -> e.getValue()).contains("Encounter.location[0].location");
    }

    @Test
    void aNulCharacterOrADateBatonDoesNotTakeIsA422AtItsElementAndStoresNothing() {
        String id = UUID.randomUUID().toString();
        HttpJson.Response nul = http.post("/fhir/r4/Encounter", encounter(id, "MAIN\\u0000CLINIC"), "Content-Type", FHIR);
        assertThat(nul.status()).as(nul.text()).isEqualTo(422);
        assertThat(context.newJsonParser().parseResource(OperationOutcome.class, nul.text()).getIssue())
                .flatExtracting(i -> i.getExpression()).extracting(e -> e.getValue())
                .containsExactly("Bundle.entry[0].resource.location[0].location.identifier.value");

        HttpJson.Response early = http.post("/fhir/r4/Encounter", encounter(id, "MAIN_CLINIC")
                .replace("2026-03-09T08:00:00-04:00", "1800-03-09T08:00:00-04:00"), "Content-Type", FHIR);
        assertThat(early.status()).as(early.text()).isEqualTo(422);
        assertThat(context.newJsonParser().parseResource(OperationOutcome.class, early.text()).getIssue())
                .flatExtracting(i -> i.getExpression()).extracting(e -> e.getValue()).containsExactly("Encounter.period.end");
        assertThat(jdbc.sql("select count(*) from intake where source_id = :id").param("id", id).query(Long.class).single()).isZero();
    }

    @Test
    void aReferralByFhirServiceRequestIsTakenInThroughTheSameSenderChecks() {
        String id = UUID.randomUUID().toString();
        String referral = """
                {"resourceType": "ServiceRequest", "identifier": [{"system": "https://baton.app/fhir/sid/source-system/REFERRALS", "value": "%s"}], "status": "active", "intent": "order",
                 "subject": {"reference": "Patient/pt-%s"}, "requester": {"reference": "Practitioner/dr-9"},
                 "reasonCode": [{"text": "cardiology follow-up"}], "locationReference": [{"identifier": {"value": "%s"}}]}
                """;
        HttpJson.Response taken = http.post("/fhir/r4/ServiceRequest", referral.formatted(id, id, "MAIN_CLINIC"), "Content-Type", FHIR);
        assertThat(taken.status()).as(taken.text()).isEqualTo(201);
        assertThat(http.get("/api/v1/intake/" + taken.header("X-Baton-Intake")).json().path("kind").asText()).isEqualTo("REFERRAL");

        HttpJson.Response elsewhere = http.asUser("frontdesk").post("/fhir/r4/ServiceRequest",
                referral.formatted(UUID.randomUUID(), id, "SATELLITE_CLINIC"), "Content-Type", FHIR);
        assertThat(elsewhere.status()).isEqualTo(403);
    }

    /** The referral's ICD-10-CM reason and receiving specialty come from their FHIR elements, so the intake is not held for them. */
    @Test
    void aServiceRequestsIcd10ReasonAndPerformerTypeAreTheReferralsDiagnosisAndSpecialty() {
        String bare = """
                {"resourceType": "ServiceRequest", "identifier": [{"system": "https://baton.app/fhir/sid/source-system/REFERRALS", "value": "%s"}], "status": "active", "intent": "order",
                 "subject": {"reference": "Patient/pt-%s"}, "requester": {"reference": "Practitioner/dr-9"}, "priority": "urgent",
                 "reasonCode": [{"text": "chest pain"%s}],%s "locationReference": [{"identifier": {"value": "MAIN_CLINIC"}}]}
                """;
        String id = UUID.randomUUID().toString();
        HttpJson.Response held = http.post("/fhir/r4/ServiceRequest", bare.formatted(id, id, "", ""), "Content-Type", FHIR);
        assertThat(held.status()).as(held.text()).isEqualTo(201);
        assertThat(context.newJsonParser().parseResource(held.text()).fhirType()).isEqualTo("Task");
        assertThat(errors(held)).isEmpty();
        JsonNode heldIntake = http.get("/api/v1/intake/" + held.header("X-Baton-Intake")).json();
        assertThat(heldIntake.path("missingInfo").findValuesAsText("field")).contains("carePlan.diagnosisCode", "carePlan.receivingSpecialty");

        String coded = UUID.randomUUID().toString();
        HttpJson.Response taken = http.post("/fhir/r4/ServiceRequest", bare.formatted(coded, coded,
                ", \"coding\": [{\"system\": \"http://hl7.org/fhir/sid/icd-10-cm\", \"code\": \"R07.9\"}]",
                " \"performerType\": {\"coding\": [{\"system\": \"https://baton.app/fhir/CodeSystem/specialty\", \"code\": \"CARDIOLOGY\"}]},"),
                "Content-Type", FHIR);
        assertThat(taken.status()).as(taken.text()).isEqualTo(201);
        JsonNode intake = http.get("/api/v1/intake/" + taken.header("X-Baton-Intake")).json();
        assertThat(intake.path("missingInfo").findValuesAsText("field")).doesNotContain("carePlan.diagnosisCode", "carePlan.receivingSpecialty");

        HttpJson.Response unknown = http.post("/fhir/r4/ServiceRequest", bare.formatted(UUID.randomUUID(), coded, "",
                " \"performerType\": {\"coding\": [{\"system\": \"https://baton.app/fhir/CodeSystem/specialty\", \"code\": \"ASTROLOGY\"}]},"),
                "Content-Type", FHIR);
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.text()).contains("ServiceRequest.performerType");
    }

    /** An emergency department encounter is no TCM discharge: refused with the reason, nothing stored. */
    @Test
    void anEmergencyDepartmentEncounterStartsNoTcmPlan() {
        String id = UUID.randomUUID().toString();
        HttpJson.Response refused = http.post("/fhir/r4/Encounter", encounter(id, "MAIN_CLINIC").replace("\"code\": \"IMP\"", "\"code\": \"EMER\""),
                "Content-Type", FHIR);
        assertThat(refused.status()).as(refused.text()).isEqualTo(422);
        assertThat(refused.text()).containsIgnoringCase("emergency");
        assertThat(context.newJsonParser().parseResource(OperationOutcome.class, refused.text()).getIssueFirstRep().getCode())
                .isEqualTo(OperationOutcome.IssueType.BUSINESSRULE);
        assertThat(jdbc.sql("select count(*) from intake where source_id = :id").param("id", id).query(Long.class).single()).isZero();
    }

    /** The Patient's deceasedDateTime reaches the plan template: a patient who has died gets no plan, and is told why. */
    @Test
    void anEncounterOfAPatientWhoDiedStartsNoPlan() {
        String id = UUID.randomUUID().toString();
        HttpJson.Response refused = http.post("/fhir/r4/Encounter", encounter(id, "MAIN_CLINIC").replace("{\"resourceType\": \"Patient\", \"id\": \"pt-" + id + "\",",
                "{\"resourceType\": \"Patient\", \"id\": \"pt-" + id + "\", \"birthDate\": \"1941-02-03\", \"deceasedDateTime\": \"2026-03-09T06:00:00-04:00\","),
                "Content-Type", FHIR);
        assertThat(refused.status()).as(refused.text()).isEqualTo(422);
        assertThat(refused.text()).contains("has died");
        assertThat(jdbc.sql("select count(*) from intake where source_id = :id").param("id", id).query(Long.class).single()).isZero();
    }

    static String decideBody(String identifier, String status) {
        return """
                {"resourceType": "Task", "id": "task-%s", "identifier": [{"system": "https://ehr.example/task", "value": "%s"}],
                 "extension": [{"url": "https://ehr.example/ext/ward", "valueString": "4B"}],
                 "status": "%s", "intent": "order", "priority": "urgent", "description": "Post-discharge call",
                 "code": {"coding": [{"system": "https://baton.app/fhir/CodeSystem/task-type", "code": "TCM_INTERACTIVE_CONTACT"}]},
                 "for": {"reference": "Patient/pt-b"}, "requester": {"reference": "Practitioner/dr-1"},
                 "authoredOn": "2026-03-09T09:00:00-04:00",
                 "note": [{"text": "call after 3pm"}],
                 "input": [{"type": {"text": "ehr-input"}, "valueString": "kept"}]}
                """.formatted(identifier, identifier, status);
    }

    static String aspect(Extension e) {
        return e.getExtensionByUrl("aspect").getValue().primitiveValue();
    }

    static String row(Extension e) {
        Extension row = e.getExtensionByUrl("row");
        return row == null ? "" : row.getValue().primitiveValue();
    }
}
