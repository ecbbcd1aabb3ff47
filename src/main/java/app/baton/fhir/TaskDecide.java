package app.baton.fhir;

import app.baton.decision.DecisionRequest;
import app.baton.decision.DecisionRequests;
import app.baton.decision.DecisionResponse;
import app.baton.engine.model.CaseInput;
import app.baton.engine.model.Priority;
import app.baton.engine.model.Program;
import app.baton.engine.model.TaskStatus;
import app.baton.engine.model.TaskType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * POST /fhir/r4/Task/$decide: the Task (and what a Bundle brings with it) read into the decision API's request, decided and
 * recorded by the decision module exactly like POST /api/v1/decisions (Task.identifier is the idempotency key), and written
 * back into the same Task, with a Provenance that names the rule set version and every row that fired.
 */
@Component
class TaskDecide {

    private final FhirInputs inputs;
    private final DecisionRequests decisions;
    private final TaskResources tasks;

    TaskDecide(FhirInputs inputs, DecisionRequests decisions, TaskResources tasks) {
        this.inputs = inputs;
        this.decisions = decisions;
        this.tasks = tasks;
    }

    record Decided(Bundle bundle, boolean replayed) {
    }

    Decided decide(String body) {
        Resource resource = inputs.read(body, Set.of("Task", "Bundle"));
        Task task = null;
        String taskFullUrl = null;
        String planFullUrl = null;
        Patient patient = null;
        Coverage coverage = null;
        Encounter encounter = null;
        CarePlan plan = null;
        if (resource instanceof Bundle bundle) {
            for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
                Resource r = entry.getResource();
                if (r instanceof Task t) {
                    if (task != null) {
                        throw FhirProblem.invalid(422, OperationOutcome.IssueType.BUSINESSRULE, "Bundle.entry", "the Bundle holds more than one Task; send one");
                    }
                    task = t;
                    taskFullUrl = entry.getFullUrl();
                } else if (r instanceof Patient p && patient == null) {
                    patient = p;
                } else if (r instanceof Coverage c && coverage == null) {
                    coverage = c;
                } else if (r instanceof Encounter e && encounter == null) {
                    encounter = e;
                } else if (r instanceof CarePlan c && plan == null) {
                    plan = c;
                    planFullUrl = entry.getFullUrl();
                }
            }
            if (task == null) {
                throw FhirProblem.invalid(422, OperationOutcome.IssueType.REQUIRED, "Bundle.entry", "the Bundle holds no Task to decide");
            }
        } else {
            task = (Task) resource;
        }
        String taskId = task.getIdElement().getIdPart() != null ? task.getIdElement().getIdPart()
                : task.hasIdentifier() ? task.getIdentifierFirstRep().getValue() : null;
        if (taskId == null || taskId.isBlank()) {
            throw FhirProblem.invalid(422, OperationOutcome.IssueType.REQUIRED, "Task.id", "give the Task an id or an identifier: "
                    + "the decision is recorded against it");
        }
        TaskType type = code(task.getCode(), BatonFhir.TASK_TYPE, TaskType.class, "Task.code");
        if (type == null) {
            throw FhirProblem.invalid(422, OperationOutcome.IssueType.REQUIRED, "Task.code", "Task.code needs a coding of "
                    + BatonFhir.TASK_TYPE + " naming the Baton task type");
        }
        TaskStatus status = code(task.getBusinessStatus(), BatonFhir.TASK_STATUS, TaskStatus.class, "Task.businessStatus");
        if (status == null) {
            status = BatonFhir.STATUS_IN.get(task.getStatus());
            if (status == null) {
                throw FhirProblem.invalid(422, OperationOutcome.IssueType.BUSINESSRULE, "Task.status", "a Task with status "
                        + task.getStatus().toCode() + " is not decided; send requested, ready, in-progress, on-hold, completed or cancelled");
            }
        }
        Priority priority = task.hasPriority() ? BatonFhir.PRIORITY_IN.get(task.getPriority()) : null;
        Program program = plan == null ? null : category(plan);
        if (program == null) {
            program = programOf(type);
        }
        String patientId = patient != null && patient.getIdElement().getIdPart() != null ? patient.getIdElement().getIdPart()
                : task.getFor().getReferenceElement().getIdPart();
        String language = patient == null || !patient.hasCommunication() ? null
                : patient.getCommunicationFirstRep().getLanguage().getCodingFirstRep().getCode();
        String payer = coverage == null || !coverage.hasPayor() ? null
                : coverage.getPayorFirstRep().hasDisplay() ? coverage.getPayorFirstRep().getDisplay()
                : coverage.getPayorFirstRep().getIdentifier().getValue();
        String memberId = coverage == null ? null : coverage.getSubscriberId();
        String location = task.hasLocation() ? task.getLocation().getReferenceElement().getIdPart() : null;
        OffsetDateTime dischargeAt = encounter != null && encounter.getPeriod().hasEnd() ? time(encounter.getPeriod().getEnd()) : null;

        CaseInput.Patient who = new CaseInput.Patient(patientId, payer, memberId, language, location, null);
        CaseInput.CarePlan carePlan = new CaseInput.CarePlan(plan == null ? null : plan.getIdElement().getIdPart(), program, null, null,
                dischargeAt, plan != null && plan.getPeriod().hasStart() ? time(plan.getPeriod().getStart()).toLocalDate() : null,
                null, null, null, null);
        CaseInput.Task what = new CaseInput.Task(taskId, type, status, priority, time(task.getAuthoredOn()), time(task.getLastModified()),
                null, null);
        String key = task.hasIdentifier() ? key(task.getIdentifierFirstRep()) : null;
        DecisionRequests.Answer answer = decisions.decide(new DecisionRequest(null, null, null, who, carePlan, what), key);

        DecisionResponse decision = answer.response();
        tasks.decided(task, decision);
        Bundle out = new Bundle().setType(Bundle.BundleType.COLLECTION);
        // every entry has a fullUrl (R4: except in transactions and batches). The Task and the CarePlan keep the identity
        // they came with; a Task sent alone, and the Provenance, live on no FHIR server, so they are named by UUIDs derived
        // from the decision (a replayed answer names them the same way). Not the decision's id itself: HAPI's parser would
        // then read the Provenance's id as urn:uuid:{id}
        out.addEntry().setFullUrl(taskFullUrl != null ? taskFullUrl : urn("Task", decision.decisionId())).setResource(task);
        out.addEntry().setFullUrl(urn("Provenance", decision.decisionId())).setResource(provenance(task, taskId, decision));
        if (plan != null) {
            out.addEntry().setFullUrl(planFullUrl != null ? planFullUrl : urn("CarePlan", decision.decisionId()))
                    .setResource(withActivity(plan, taskId));
        }
        return new Decided(out, answer.replayed());
    }

    /**
     * The CarePlan the sender brought, back as it was sent, with the decided Task among its activities: the one part of
     * it Baton writes. An activity that already refers to the Task is left alone; a new one refers to it only (never
     * {@code detail} as well, rule cpl-3).
     */
    private static CarePlan withActivity(CarePlan plan, String taskId) {
        String reference = "Task/" + taskId;
        boolean listed = plan.getActivity().stream()
                .anyMatch(a -> a.hasReference() && reference.equals(a.getReference().getReferenceElement().toUnqualifiedVersionless().getValue()));
        if (!listed) {
            plan.addActivity().setReference(new Reference(reference));
        }
        return plan;
    }

    /** Who decided (Baton, by the rule set version), when, and from which rows: every trace entry of the decision. */
    private static Provenance provenance(Task task, String taskId, DecisionResponse decision) {
        Provenance provenance = new Provenance();
        provenance.setId(decision.decisionId());
        provenance.addTarget(new Reference("Task/" + taskId));
        provenance.setRecorded(Date.from(decision.evaluatedAt().toInstant()));
        provenance.addAgent().setType(TaskResources.concept("http://terminology.hl7.org/CodeSystem/provenance-participant-type",
                        "performer", "Performer"))
                .setWho(new Reference().setType("Device").setDisplay("Baton rule set version " + decision.ruleSetVersion())
                        .setIdentifier(new Identifier().setSystem(BatonFhir.BASE + "/sid/rule-set-version").setValue(decision.ruleSetVersion())));
        provenance.setActivity(TaskResources.concept("http://terminology.hl7.org/CodeSystem/v3-DataOperation", "UPDATE", "revise"));
        provenance.addPolicy(BatonFhir.BASE + "/decisions/" + decision.decisionId());
        if (decision.trace() != null) {
            decision.trace().forEach(t -> DecisionSource.add(provenance, "fired", decision.ruleSetVersion(), t.rule(), t.source()));
        }
        return provenance;
    }

    private static String urn(String type, String decisionId) {
        return "urn:uuid:" + UUID.nameUUIDFromBytes((type + " of decision " + decisionId).getBytes(StandardCharsets.UTF_8));
    }

    private static String key(Identifier identifier) {
        return "fhir-task|" + (identifier.hasSystem() ? identifier.getSystem() : "") + "|" + identifier.getValue();
    }

    private static Program category(CarePlan plan) {
        for (int i = 0; i < plan.getCategory().size(); i++) {
            Program p = code(plan.getCategory().get(i), BatonFhir.PROGRAM, Program.class, "CarePlan.category[" + i + "]");
            if (p != null) {
                return p;
            }
        }
        return null;
    }

    /** The task's program when no CarePlan names one: the program its type belongs to (docs/fhir.md). */
    static Program programOf(TaskType type) {
        String name = type.name();
        for (Program program : List.of(Program.TCM, Program.CCM, Program.REFERRAL, Program.PRIOR_AUTH, Program.FUH)) {
            if (name.startsWith(program.name() + "_")) {
                return program;
            }
        }
        return type == TaskType.MEDICATION_RECONCILIATION ? Program.TCM : Program.GENERAL;
    }

    private static <E extends Enum<E>> E code(CodeableConcept concept, String system, Class<E> type, String path) {
        List<Coding> codings = concept.getCoding();
        for (int i = 0; i < codings.size(); i++) {
            if (system.equals(codings.get(i).getSystem())) {
                try {
                    return Enum.valueOf(type, codings.get(i).getCode());
                } catch (IllegalArgumentException | NullPointerException e) {
                    throw FhirProblem.invalid(422, OperationOutcome.IssueType.CODEINVALID, path + ".coding[" + i + "].code",
                            "'" + codings.get(i).getCode() + "' is not a code of " + system);
                }
            }
        }
        return null;
    }

    private static OffsetDateTime time(Date date) {
        return date == null ? null : date.toInstant().atOffset(ZoneOffset.UTC);
    }
}
