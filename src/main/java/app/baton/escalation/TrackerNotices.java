package app.baton.escalation;

import app.baton.careplan.PlanClosed;
import app.baton.careplan.Plans;
import app.baton.careplan.TaskHandedOff;
import app.baton.careplan.TaskRow;
import app.baton.careplan.Tasks;
import app.baton.careplan.TaskCompleted;

import app.baton.notification.Audience;
import app.baton.notification.Notice;
import app.baton.notification.Notifications;
import app.baton.security.Role;
import app.baton.system.AtCommit;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Turns the tracker's events into notices, synchronously in the publisher's transaction (the
 * transactional outbox: the change and its notice commit together or not at all). Ids and codes only.
 * <ul>
 * <li>TaskHandedOff: HAND_OFF to the new queue (its role's users) and the task's owner, if any.</li>
 * <li>EscalationRaised: ESCALATION to the recipient code as a queue ({@code CARE_COORDINATION_LEAD},
 * {@code PRACTICE_LEADERSHIP}); {@code baton.notifications.queue-roles} says which role each one reaches.</li>
 * <li>TaskReminded: REMINDER to the task's queue and owner.</li>
 * <li>TaskCompleted: COMPLETION ({@code scope TASK}) to the task's queue; PlanClosed: COMPLETION
 * ({@code scope PLAN}) to the care coordinators, who run plans. Webhooks subscribed to COMPLETION get both.</li>
 * </ul>
 * Every in-app audience is narrowed to the location of the task's (or plan's) patient: a notice
 * about a patient reaches only people whose locations include that patient's location.
 */
@Component
class TrackerNotices {

    private final Notifications notifications;
    private final Tasks tasks;
    private final Plans plans;

    TrackerNotices(Notifications notifications, Tasks tasks, Plans plans) {
        this.notifications = notifications;
        this.tasks = tasks;
        this.plans = plans;
    }

    @EventListener
    void handedOff(TaskHandedOff e) {
        if (e.toQueue() == null && e.ownerUser() == null) {
            return;
        }
        Map<String, String> codes = codes(e.program(), e.taskType());
        put(codes, "fromQueue", e.fromQueue());
        put(codes, "toRole", e.toRole());
        codes.put("ruleSetVersion", Integer.toString(e.ruleSetVersion()));
        atCommit(new Notice(Notice.HAND_OFF, new Audience(e.toQueue(), null, e.ownerUser(), e.location()), id(e.planId()),
                id(e.taskId()), codes));
    }

    @EventListener
    void escalated(EscalationRaised e) {
        Map<String, String> codes = codes(e.program(), e.taskType());
        codes.put("level", Integer.toString(e.level()));
        codes.put("recipient", e.recipient());
        codes.put("escalationKey", e.key());
        if (Notice.isCodeValue(e.rule())) {
            codes.put("rule", e.rule()); // a table row's rule name; a DRL rule's name may be prose, which a notice refuses
        }
        codes.put("ruleSetVersion", Integer.toString(e.ruleSetVersion()));
        atCommit(new Notice(Notice.ESCALATION, Audience.queue(e.recipient()).at(e.location()), id(e.planId()), id(e.taskId()), codes));
    }

    @EventListener
    void reminded(TaskReminded e) {
        Map<String, String> codes = codes(e.program(), e.taskType());
        codes.put("reminderKey", e.key());
        atCommit(new Notice(Notice.REMINDER, new Audience(e.queue(), null, e.ownerUser(), e.location()), id(e.planId()),
                id(e.taskId()), codes));
    }

    @EventListener
    void taskCompleted(TaskCompleted e) {
        TaskRow task = tasks.find(e.taskId()).orElse(null);
        String queue = task == null ? null : task.queue();
        Map<String, String> codes = codes(e.program(), e.taskType());
        codes.put("scope", "TASK");
        Audience audience = (queue != null ? Audience.queue(queue) : Audience.role(Role.CARE_COORDINATOR))
                .at(task == null ? null : task.location());
        notifications.publish(new Notice(Notice.COMPLETION, audience, id(e.planId()), id(e.taskId()), codes));
    }

    @EventListener
    void planClosed(PlanClosed e) {
        Map<String, String> codes = codes(e.program(), null);
        codes.put("scope", "PLAN");
        codes.put("ruleSetVersion", Integer.toString(e.ruleSetVersion()));
        notifications.publish(new Notice(Notice.COMPLETION, Audience.role(Role.CARE_COORDINATOR)
                .at(plans.find(e.planId()).map(Plans.PlanRow::location).orElse(null)), id(e.planId()), null, codes));
    }

    /**
     * The sweep raises hundreds of steps in one transaction, and an intake hands off each of its new tasks: their
     * notices are collected and written just before it commits, in two statements ({@link Notifications#publishAll}),
     * still inside it. Outside a transaction a notice is published at once.
     */
    private void atCommit(Notice notice) {
        if (!AtCommit.collect(this, List.of(notice), notifications::publishAll)) {
            notifications.publish(notice);
        }
    }

    private static Map<String, String> codes(String program, String taskType) {
        Map<String, String> codes = new LinkedHashMap<>();
        put(codes, "program", program);
        put(codes, "taskType", taskType);
        return codes;
    }

    private static void put(Map<String, String> codes, String name, String value) {
        if (value != null) {
            codes.put(name, value);
        }
    }

    private static String id(UUID id) {
        return id == null ? null : id.toString();
    }
}
