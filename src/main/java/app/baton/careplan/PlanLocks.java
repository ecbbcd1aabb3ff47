package app.baton.careplan;

import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * Writes to a plan's tasks take the plan's row lock first, and a closed plan refuses them; a held
 * intake's task takes the intake's lock. Called inside the writing transaction.
 */
@Component
public class PlanLocks {

    private final Tasks tasks;
    private final Plans plans;
    private final HeldIntakes intakes;

    PlanLocks(Tasks tasks, Plans plans, HeldIntakes intakes) {
        this.tasks = tasks;
        this.plans = plans;
        this.intakes = intakes;
    }

    /** The task, read after its plan (or intake) is locked; refused when the plan is closed. */
    public TaskRow lockedTask(UUID id) {
        TaskRow unlocked = tasks.find(id).orElseThrow(() -> TrackerProblems.notFound("task"));
        if (unlocked.planId() != null) {
            openPlan(unlocked.planId());
        } else {
            intakes.lock(unlocked.intakeId());
        }
        return tasks.find(id).orElseThrow(() -> TrackerProblems.notFound("task"));
    }

    Plans.PlanRow openPlan(UUID planId) {
        Plans.PlanRow plan = plans.lock(planId).orElseThrow(() -> TrackerProblems.notFound("care plan"));
        if (plan.status() == Plans.Status.CLOSED) {
            throw TrackerProblems.planLocked();
        }
        return plan;
    }
}
