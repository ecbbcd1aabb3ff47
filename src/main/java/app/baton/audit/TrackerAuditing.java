package app.baton.audit;

import app.baton.task.ActivityLogged;
import app.baton.intake.IntakeHeld;
import app.baton.intake.IntakeRefused;
import app.baton.careplan.PlanFactsRefused;
import app.baton.queue.TaskListRead;
import app.baton.queue.TaskListRefused;
import app.baton.intake.IntakeReleased;
import app.baton.careplan.PlanClosed;
import app.baton.careplan.PlanCreated;
import app.baton.careplan.PlanFactsChanged;
import app.baton.careplan.PlanReopened;
import app.baton.task.TaskAssigned;
import app.baton.careplan.TaskStatusChanged;
import app.baton.reevaluation.TasksReEvaluated;
import app.baton.careplan.TrackerRead;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Audits the care-plan tracker: intakes, plans and task changes in the transaction that makes
 * them (synchronous listeners), reads of plans, tasks and intakes (and refused reads), closing,
 * reopening and re-evaluations. Details are ids and codes only; notes and other free text never
 * come here.
 */
@Component
class TrackerAuditing {

    private final AuditTrail trail;

    TrackerAuditing(AuditTrail trail) {
        this.trail = trail;
    }

    @EventListener
    void on(IntakeHeld held) {
        trail.record(AuditEntry.of(AuditAction.CREATE, AuditCategory.INTAKE, "intake", held.intakeId().toString())
                .withPatient(held.patientId())
                .withDetails(Map.of("status", "HELD", "program", held.program(), "taskId", held.taskId().toString(),
                        "missingFields", String.join(",", held.missingFields()))));
    }

    /** A refused intake (another location, another client's source system): nothing was stored; the attempt is kept. */
    @EventListener
    void on(IntakeRefused refused) {
        trail.record(AuditEntry.of(AuditAction.CREATE, AuditCategory.INTAKE, "intake", null)
                .withPatient(refused.patientId())
                .withOutcome(AuditOutcome.DENIED)
                .withDetails(Map.of("field", refused.field())));
    }

    @EventListener
    void on(IntakeReleased released) {
        trail.record(AuditEntry.of(AuditAction.UPDATE, AuditCategory.INTAKE, "intake", released.intakeId().toString())
                .withPatient(released.patientId())
                .withDetails(Map.of("status", "RELEASED", "planId", released.planId().toString())));
    }

    @EventListener
    void on(PlanCreated created) {
        trail.record(AuditEntry.of(AuditAction.CREATE, AuditCategory.CARE_PLAN, "care_plan", created.planId().toString())
                .withPatient(created.patientId())
                .withDetails(Map.of("program", created.program(), "ruleSetVersion", String.valueOf(created.ruleSetVersion()),
                        "tasks", String.valueOf(created.taskIds().size()))));
    }

    @EventListener
    void on(PlanFactsChanged changed) {
        trail.record(AuditEntry.of(AuditAction.UPDATE, AuditCategory.CARE_PLAN, "care_plan", changed.planId().toString())
                .withPatient(changed.patientId())
                .withDetails(Map.of("version", String.valueOf(changed.version()))));
    }

    @EventListener
    void on(PlanClosed closed) {
        trail.record(AuditEntry.of(AuditAction.PLAN_CLOSED, AuditCategory.CARE_PLAN, "care_plan", closed.planId().toString())
                .withPatient(closed.patientId())
                .withDetails(Map.of("program", closed.program(), "ruleSetVersion", String.valueOf(closed.ruleSetVersion()))));
    }

    @EventListener
    void on(PlanReopened reopened) {
        trail.record(AuditEntry.of(AuditAction.PLAN_REOPENED, AuditCategory.CARE_PLAN, "care_plan", reopened.planId().toString())
                .withPatient(reopened.patientId())
                .withDetails(Map.of("program", reopened.program(), "reason", reopened.reason())));
    }

    @EventListener
    void on(TaskStatusChanged changed) {
        trail.record(AuditEntry.of(AuditAction.UPDATE, AuditCategory.TASK, "task", changed.taskId().toString())
                .withPatient(changed.patientId())
                .withDetails(Map.of("from", changed.from(), "to", changed.to(), "version", String.valueOf(changed.version()))));
    }

    @EventListener
    void on(TaskAssigned assigned) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("queue", String.valueOf(assigned.queue()));
        details.put("owner", assigned.ownerUser() == null ? "(queue)" : assigned.ownerUser());
        trail.record(AuditEntry.of(AuditAction.UPDATE, AuditCategory.TASK, "task", assigned.taskId().toString())
                .withPatient(assigned.patientId())
                .withDetails(details));
    }

    @EventListener
    void on(ActivityLogged logged) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("activityId", String.valueOf(logged.activityId()));
        details.put("kind", logged.kind());
        if (logged.outcome() != null) {
            details.put("outcome", logged.outcome());
        }
        trail.record(AuditEntry.of(AuditAction.CREATE, AuditCategory.TASK, "task_activity", logged.taskId().toString())
                .withPatient(logged.patientId())
                .withDetails(details));
    }

    @EventListener
    void on(TrackerRead read) {
        AuditCategory category = switch (read.objectType()) {
            case "care_plan" -> AuditCategory.CARE_PLAN;
            case "intake" -> AuditCategory.INTAKE;
            default -> AuditCategory.TASK;
        };
        AuditEntry entry = AuditEntry.of(AuditAction.READ, category, read.objectType(), read.objectId()).withPatient(read.patientId());
        trail.record(read.denied() ? entry.withOutcome(AuditOutcome.DENIED) : entry);
    }

    /** One entry per page of a work list shown: which list, queue, filters and page, and how many tasks; no patient. */
    @EventListener
    void on(TaskListRead read) {
        Map<String, String> details = new LinkedHashMap<>(read.filters());
        if (read.queue() != null) {
            details.put("queue", read.queue());
        }
        details.put("tasks", String.valueOf(read.tasks()));
        trail.record(AuditEntry.of(AuditAction.READ, AuditCategory.TASK, "task_list", read.queue() == null ? read.list() : read.queue())
                .withDetails(details));
    }

    /** A queue the caller's roles do not list (403 queue-not-allowed): DENIED, by that caller. */
    @EventListener
    void on(TaskListRefused refused) {
        trail.record(AuditEntry.of(AuditAction.READ, AuditCategory.TASK, "task_list", refused.queue())
                .withOutcome(AuditOutcome.DENIED)
                .withDetails(Map.of("queue", refused.queue(), "problem", "queue-not-allowed")));
    }

    /** A change of facts the caller's roles may not read (403 field-not-allowed): DENIED, naming the fields only. */
    @EventListener
    void on(PlanFactsRefused refused) {
        trail.record(AuditEntry.of(AuditAction.UPDATE, AuditCategory.CARE_PLAN, "care_plan", refused.planId().toString())
                .withPatient(refused.patientId())
                .withOutcome(AuditOutcome.DENIED)
                .withDetails(Map.of("fields", String.join(", ", refused.fields()), "problem", "field-not-allowed")));
    }

    @EventListener
    void on(TasksReEvaluated run) {
        trail.record(AuditEntry.of(AuditAction.TASKS_RE_EVALUATED, AuditCategory.TASK, "rule_set_version", String.valueOf(run.ruleSetVersion()))
                .withDetails(Map.of("applied", String.valueOf(run.applied()), "openTasks", String.valueOf(run.openTasks()),
                        "dueChanged", String.valueOf(run.dueChanged()), "queueChanged", String.valueOf(run.queueChanged()))));
    }
}
