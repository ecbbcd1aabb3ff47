package app.baton.careplan;

import app.baton.decision.AskedBy;
import app.baton.decision.TaskDecisions;
import app.baton.system.ApiException;
import app.baton.system.Problems;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.UUID;

/**
 * Closing, reopening and changing a care plan's facts, each in one transaction under the plan's
 * row lock. Closing needs the closure checklist met and locks the plan; reopening needs a reason.
 */
@Service
public class PlanWork {

    private final Plans plans;
    private final Tasks tasks;
    private final PlanLocks locks;
    private final ClosureCheck closure;
    private final TaskDecider decider;
    private final TaskDecisions rules;
    private final ApplicationEventPublisher events;

    PlanWork(Plans plans, Tasks tasks, PlanLocks locks, ClosureCheck closure, TaskDecider decider, TaskDecisions rules,
             ApplicationEventPublisher events) {
        this.plans = plans;
        this.tasks = tasks;
        this.locks = locks;
        this.closure = closure;
        this.decider = decider;
        this.rules = rules;
        this.events = events;
    }

    public enum ReopenReason { NEW_INFORMATION, CLOSED_IN_ERROR, READMISSION, OTHER }

    @Transactional
    public ClosureCheck.Result close(UUID planId) {
        Plans.PlanRow plan = locks.openPlan(planId);
        ClosureCheck.Result result = closure.check(plan.facts(), tasks.ofPlan(planId));
        if (!result.met()) {
            List<Problems.FieldError> unmet = result.unmet().stream().map(item -> new Problems.FieldError(item.requirement(),
                    item.reason() + (item.rule() == null ? "" : " (" + item.source() + ")"))).toList();
            throw new ApiException(HttpStatus.CONFLICT, "closure-checklist-unmet", "The closure checklist is not met",
                    unmet.size() + " item(s) of the closure checklist are not met; they are listed in errors", unmet);
        }
        plans.close(planId, rules.now().toOffsetDateTime());
        events.publishEvent(new PlanClosed(planId, plan.patientId(), plan.facts().program().name(), result.ruleSetVersion()));
        return result;
    }

    @Transactional
    public void reopen(UUID planId, ReopenReason reason, String note) {
        Plans.PlanRow plan = plans.lock(planId).orElseThrow(() -> TrackerProblems.notFound("care plan"));
        if (plan.status() != Plans.Status.CLOSED) {
            throw new ApiException(HttpStatus.CONFLICT, "plan-open", "The care plan is open", "only a closed plan can be reopened");
        }
        plans.reopen(planId, reason.name(), note);
        events.publishEvent(new PlanReopened(planId, plan.patientId(), plan.facts().program().name(), reason.name()));
    }

    /**
     * Lays fields completed on the plan's intake (a discharge built without them) over the plan's
     * facts and decides its open tasks again, in the caller's transaction.
     */
    public void completeFacts(UUID planId, FieldsUpdate fields) {
        Plans.PlanRow plan = plans.lock(planId).orElseThrow(() -> TrackerProblems.notFound("care plan"));
        if (plan.status() == Plans.Status.OPEN) {
            refacts(plan, fields);
        }
    }

    /** Changes the plan's facts (a scheduled visit, the month's minutes, ...) and decides its open tasks again. */
    @Transactional
    public void updateFacts(UUID planId, FieldsUpdate fields, int version) {
        Plans.PlanRow plan = locks.openPlan(planId);
        if (plan.version() != version) {
            throw new ApiException(HttpStatus.CONFLICT, "stale-version", "Someone changed this first",
                    "you sent version " + version + " but the plan is at version " + plan.version() + "; read it again and retry",
                    List.of(new Problems.FieldError("version", "stale: current version is " + plan.version())));
        }
        refacts(plan, fields);
    }

    private void refacts(Plans.PlanRow plan, FieldsUpdate fields) {
        UUID planId = plan.id();
        plans.updateFacts(planId, plan.facts().with(fields));
        events.publishEvent(new PlanFactsChanged(planId, plan.patientId(), plan.facts().program().name(), plan.version() + 1));
        for (TaskRow task : tasks.ofPlan(planId)) {
            if (task.status().isOpen()) {
                decider.redecide(task, task, false, AskedBy.PLAN_FACTS).orElseThrow(() -> new IllegalStateException("a task changed under its plan's lock"));
            }
        }
    }
}
