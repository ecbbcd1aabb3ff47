package app.baton.fhir;

import app.baton.console.Labels;
import app.baton.decision.DecisionResponse;
import app.baton.engine.model.Priority;
import app.baton.engine.model.TaskStatus;
import app.baton.careplan.TaskView;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Meta;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;

/** A Baton task as an R4 Task (docs/fhir.md, "Task"), and Baton's decision written into a Task that came in. */
@Component
class TaskResources {

    private final Labels labels;

    TaskResources(Labels labels) {
        this.labels = labels;
    }

    Task of(TaskView view) {
        Task task = new Task();
        task.setId(view.id().toString());
        task.setMeta(new Meta().setVersionId(String.valueOf(view.version())).setLastUpdated(date(view.statusSince())));
        TaskStatus status = TaskStatus.valueOf(view.status());
        task.setStatus(BatonFhir.STATUS.get(status));
        task.setBusinessStatus(concept(BatonFhir.TASK_STATUS, view.status(), labels.status(view.status())));
        task.setIntent(Task.TaskIntent.ORDER);
        task.setPriority(BatonFhir.PRIORITY.get(Priority.valueOf(view.priority())));
        task.setCode(concept(BatonFhir.TASK_TYPE, view.taskType(), labels.taskType(view.taskType())));
        task.setFor(new Reference("Patient/" + view.patientId()));
        if (view.planId() != null) {
            task.addBasedOn(new Reference("CarePlan/" + view.planId()));
        }
        task.setAuthoredOn(date(view.createdAt()));
        task.setLastModified(date(view.statusSince()));
        if (status == TaskStatus.IN_PROGRESS) {
            task.setExecutionPeriod(new Period().setStartElement(dateTime(view.statusSince())));
        } else if (status == TaskStatus.DONE || status == TaskStatus.CANCELLED) {
            task.setExecutionPeriod(new Period().setEndElement(dateTime(view.statusSince())));
        }
        TaskView.Owner owner = view.owner();
        if (owner != null) {
            owner(task, owner.queue(), owner.role(), owner.user());
            DecisionSource.add(task, "routing", view.ruleSetVersion(), owner.rule(), owner.source());
        }
        TaskView.Due due = view.due();
        if (due != null && due.at() != null) {
            task.getRestriction().setPeriod(new Period().setEndElement(dateTime(due.at())));
            DecisionSource.add(task, "due", due.ruleSetVersion(), due.rule(), due.source());
        }
        inputs(task, view.nextAction() == null ? List.of() : List.of(view.nextAction()), view.missingInfo(), view.ruleSetVersion());
        return task;
    }

    /** Writes a decision into a Task: what Baton owns is replaced, every other element is left as it came. */
    void decided(Task task, DecisionResponse decision) {
        task.getExtension().removeIf(e -> BatonFhir.DECISION_SOURCE.equals(e.getUrl()));
        task.getInput().removeIf(i -> i.getType().getCoding().stream().anyMatch(c -> BatonFhir.INPUT_TYPE.equals(c.getSystem())));
        task.getPerformerType().removeIf(c -> c.getCoding().stream().anyMatch(x -> BatonFhir.ROLE.equals(x.getSystem())));
        if (decision.routing() != null) {
            task.setOwner(null);
            owner(task, decision.routing().queue(), decision.routing().role(), null);
            DecisionSource.add(task, "routing", decision.ruleSetVersion(), decision.routing().rule(), decision.routing().source());
        }
        if (decision.sla() != null && decision.sla().dueAt() != null) {
            Task.TaskRestrictionComponent restriction = task.getRestriction();
            Period period = restriction.hasPeriod() ? restriction.getPeriod() : new Period();
            period.setEndElement(dateTime(decision.sla().dueAt()));
            if (period.hasStart() && period.getStart().after(period.getEnd())) {
                period.setStartElement(null);
            }
            restriction.setPeriod(period);
            DecisionSource.add(task, "due", decision.ruleSetVersion(), decision.sla().rule(), decision.sla().source());
        }
        inputs(task, decision.nextBestActions() == null ? List.of() : decision.nextBestActions(), decision.missingInfo(),
                decision.ruleSetVersion());
    }

    private void owner(Task task, String queue, String role, String user) {
        if (user != null) {
            task.setOwner(new Reference().setType("Practitioner").setIdentifier(new Identifier().setSystem(BatonFhir.USER).setValue(user))
                    .setDisplay(user));
        } else if (queue != null) {
            task.setOwner(new Reference().setType("CareTeam").setIdentifier(new Identifier().setSystem(BatonFhir.QUEUE).setValue(queue))
                    .setDisplay(labels.queue(queue)));
        }
        if (role != null) {
            task.addPerformerType(concept(BatonFhir.ROLE, role, labels.of("role", role)));
        }
    }

    private void inputs(Task task, List<DecisionResponse.NextBestAction> actions, List<DecisionResponse.MissingInfo> missing, Object version) {
        for (DecisionResponse.NextBestAction action : actions) {
            CodeableConcept value = concept(BatonFhir.NEXT_ACTION, action.code(), null);
            value.setText(action.prompt());
            task.addInput().setType(concept(BatonFhir.INPUT_TYPE, "next-best-action", "Next-best action")).setValue(value);
            DecisionSource.add(task, "next-best-action", version, action.rule(), action.source());
        }
        if (missing != null) {
            for (DecisionResponse.MissingInfo info : missing) {
                task.addInput().setType(concept(BatonFhir.INPUT_TYPE, "missing-info", "Missing information"))
                        .setValue(new StringType(info.field()));
                DecisionSource.add(task, "missing-info", version, info.rule(), info.source());
            }
        }
    }

    static CodeableConcept concept(String system, String code, String display) {
        return new CodeableConcept().addCoding(new Coding(system, code, display));
    }

    static Date date(OffsetDateTime time) {
        return time == null ? null : Date.from(time.toInstant());
    }

    static org.hl7.fhir.r4.model.DateTimeType dateTime(OffsetDateTime time) {
        org.hl7.fhir.r4.model.DateTimeType value = new org.hl7.fhir.r4.model.DateTimeType(Date.from(time.toInstant()),
                ca.uhn.fhir.model.api.TemporalPrecisionEnum.SECOND, java.util.TimeZone.getTimeZone(time.getOffset()));
        return value;
    }
}
