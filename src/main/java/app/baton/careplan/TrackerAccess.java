package app.baton.careplan;

import app.baton.security.PatientAccess;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Object-level access: a plan, task or intake of a patient the caller may not see (another
 * location, no break-glass grant) answers 404, as if it did not exist, and the refusal is audited.
 * Runs outside the write transactions, so that the audit of a refusal is not rolled back with them.
 */
@Component
public class TrackerAccess {

    private final PatientAccess patientAccess;
    private final Tasks tasks;
    private final Plans plans;
    private final ApplicationEventPublisher events;

    TrackerAccess(PatientAccess patientAccess, Tasks tasks, Plans plans, ApplicationEventPublisher events) {
        this.patientAccess = patientAccess;
        this.tasks = tasks;
        this.plans = plans;
        this.events = events;
    }

    public TaskRow task(String id) {
        TaskRow task = tasks.find(uuid(id, "task")).orElseThrow(() -> TrackerProblems.notFound("task"));
        check("task", id, task.patientId(), task.location(), "task");
        return task;
    }

    public Plans.PlanRow plan(String id) {
        Plans.PlanRow plan = plans.find(uuid(id, "care plan")).orElseThrow(() -> TrackerProblems.notFound("care plan"));
        check("care_plan", id, plan.patientId(), plan.location(), "care plan");
        return plan;
    }

    /**
     * Another module's patient record (an intake): the id as a UUID, or "not found" when malformed or when
     * {@code find} has nothing; then the same location check as a plan or task.
     */
    public <T> T checked(String id, String objectType, String noun, Function<UUID, Optional<T>> find,
                         Function<T, String> patientId, Function<T, String> location) {
        T found = find.apply(uuid(id, noun)).orElseThrow(() -> TrackerProblems.notFound(noun));
        check(objectType, id, patientId.apply(found), location.apply(found), noun);
        return found;
    }

    /** Audits a read of patient data that was answered. */
    public void read(String objectType, UUID id, String patientId) {
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
