package app.baton.tracker;

import app.baton.security.PatientAccess;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * Object-level access: a plan, task or intake of a patient the caller may not see (another
 * location, no break-glass grant) answers 404, as if it did not exist, and the refusal is audited.
 * Runs outside the write transactions, so that the audit of a refusal is not rolled back with them.
 */
@Component
class TrackerAccess {

    private final PatientAccess patientAccess;
    private final Tasks tasks;
    private final Plans plans;
    private final Intakes intakes;
    private final ApplicationEventPublisher events;

    TrackerAccess(PatientAccess patientAccess, Tasks tasks, Plans plans, Intakes intakes, ApplicationEventPublisher events) {
        this.patientAccess = patientAccess;
        this.tasks = tasks;
        this.plans = plans;
        this.intakes = intakes;
        this.events = events;
    }

    TaskRow task(String id) {
        TaskRow task = tasks.find(uuid(id, "task")).orElseThrow(() -> TrackerProblems.notFound("task"));
        check("task", id, task.patientId(), task.location(), "task");
        return task;
    }

    Plans.PlanRow plan(String id) {
        Plans.PlanRow plan = plans.find(uuid(id, "care plan")).orElseThrow(() -> TrackerProblems.notFound("care plan"));
        check("care_plan", id, plan.patientId(), plan.location(), "care plan");
        return plan;
    }

    Intakes.IntakeRow intake(String id) {
        Intakes.IntakeRow intake = intakes.find(uuid(id, "intake")).orElseThrow(() -> TrackerProblems.notFound("intake"));
        check("intake", id, intake.patientId(), intake.location(), "intake");
        return intake;
    }

    /** Audits a read of patient data that was answered. */
    void read(String objectType, UUID id, String patientId) {
        events.publishEvent(new TrackerRead(objectType, id.toString(), patientId, false));
    }

    private void check(String objectType, String id, String patientId, String location, String noun) {
        if (!patientAccess.canSee(patientId, location)) {
            events.publishEvent(new TrackerRead(objectType, id, patientId, true));
            throw TrackerProblems.notFound(noun);
        }
    }

    private static UUID uuid(String id, String noun) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw TrackerProblems.notFound(noun);
        }
    }
}
