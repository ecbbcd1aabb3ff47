package app.baton.careplan;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * A care plan's reads and changes as one in-process service, for the HTTP API, FHIR and the console alike: each takes
 * the same object-level check (another location's plan is "not found", and the refusal audited), the same audit and
 * the same minimum-necessary shaping. Ids arrive as text, as from a URL; a malformed one is "not found".
 */
@Service
public class CarePlanDesk {

    private final TrackerAccess access;
    private final Tasks tasks;
    private final ClosureCheck closure;
    private final Views views;
    private final PlanWork planWork;
    private final ApplicationEventPublisher events;

    CarePlanDesk(TrackerAccess access, Tasks tasks, ClosureCheck closure, Views views, PlanWork planWork,
                 ApplicationEventPublisher events) {
        this.access = access;
        this.tasks = tasks;
        this.closure = closure;
        this.views = views;
        this.planWork = planWork;
        this.events = events;
    }

    /** One care plan with its tasks and closure checklist, audited as a read of patient data. */
    public PlanView plan(String id) {
        Plans.PlanRow plan = access.plan(id);
        access.read("care_plan", plan.id(), plan.patientId());
        return planView(plan);
    }

    /** Changes a plan's facts (e.g. the booked face-to-face visit); its open tasks are decided again. */
    public PlanView updatePlanFacts(String id, FieldsUpdate fields, int version) {
        Plans.PlanRow plan = access.plan(id);
        PlanFactWriters.check(fields, views.categories(),
                refused -> events.publishEvent(new PlanFactsRefused(plan.id(), plan.patientId(), refused)));
        planWork.updateFacts(plan.id(), fields, version);
        return planView(access.plan(id));
    }

    /** Closes a plan whose closure checklist is met (a 409 lists what is not); a closed plan is locked. */
    public PlanView closePlan(String id) {
        Plans.PlanRow plan = access.plan(id);
        planWork.close(plan.id());
        return planView(access.plan(id));
    }

    PlanView planView(Plans.PlanRow plan) {
        var planTasks = tasks.ofPlan(plan.id());
        return views.plan(plan, planTasks, closure.check(plan.facts(), planTasks));
    }
}
