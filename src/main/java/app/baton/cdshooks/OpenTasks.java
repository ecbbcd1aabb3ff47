package app.baton.cdshooks;

import app.baton.careplan.CaseFacts;
import app.baton.careplan.TaskQueries;
import app.baton.engine.model.CaseInput;
import app.baton.engine.model.TaskType;
import app.baton.security.Identity;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The open tasks of a patient's open care plans, at the locations the calling EHR may see, earliest due first: what
 * {@code patient-view} decides again. They are read through the care plan's {@link TaskQueries}, read-only. The plan's
 * kept facts (minimized: member ID and referral details only as "on file") give the rules what the EHR's resources
 * do not.
 */
@Component
class OpenTasks {

    static final int LIMIT = 20;
    private static final String ON_FILE = "on file";

    private final TaskQueries tasks;

    OpenTasks(TaskQueries tasks) {
        this.tasks = tasks;
    }

    /** One open task, its case as the rules take it, and its stored due date. */
    record OpenTask(UUID id, UUID planId, String location, TaskType type, OffsetDateTime storedDueAt, CaseInput input) {
    }

    List<OpenTask> of(String patientId, Identity caller) {
        boolean everywhere = caller.locations().contains(Identity.ALL_LOCATIONS);
        return tasks.openOfPatient(patientId, everywhere ? null : caller.locations(), LIMIT).stream()
                .map(t -> open(t, patientId)).toList();
    }

    private static OpenTask open(TaskQueries.PatientTask t, String patientId) {
        CaseFacts facts = t.facts();
        CaseInput.Patient patient = new CaseInput.Patient(patientId, facts.payer(), onFile(facts.memberIdOnFile()),
                facts.language(), t.location(), facts.consentOnFile(), facts.lineOfBusiness(), facts.ccmConsentOnFile());
        CaseInput.CarePlan plan = new CaseInput.CarePlan(t.planId().toString(), t.program(), t.stage(), facts.complexity(),
                facts.dischargeAt(), facts.periodStart(), facts.minutesThisPeriod(), facts.faceToFaceAt(),
                onFile(facts.referralReasonOnFile()), onFile(facts.referringProviderOnFile()), facts.itemKind());
        CaseInput.Task task = new CaseInput.Task(t.id().toString(), t.type(), t.status(), t.priority(), t.createdAt(),
                t.statusSince(), t.attempts(), t.submittedAt());
        return new OpenTask(t.id(), t.planId(), t.location(), t.type(), t.dueAt(), new CaseInput(null, patient, plan, task));
    }

    private static String onFile(boolean onFile) {
        return onFile ? ON_FILE : null;
    }
}
