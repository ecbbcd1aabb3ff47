package app.baton.fhir;

import app.baton.console.Labels;
import app.baton.careplan.PlanView;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Meta;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.stereotype.Component;

/** A Baton care plan as an R4 CarePlan (docs/fhir.md, "CarePlan"): each task an activity by reference only (cpl-3). */
@Component
class PlanResources {

    private final Labels labels;

    PlanResources(Labels labels) {
        this.labels = labels;
    }

    CarePlan of(PlanView view) {
        CarePlan plan = new CarePlan();
        plan.setId(view.id().toString());
        plan.setMeta(new Meta().setVersionId(String.valueOf(view.version())));
        plan.setStatus("CLOSED".equals(view.status()) ? CarePlan.CarePlanStatus.COMPLETED : CarePlan.CarePlanStatus.ACTIVE);
        plan.setIntent(CarePlan.CarePlanIntent.PLAN);
        plan.addCategory(TaskResources.concept(BatonFhir.PROGRAM, view.program(), labels.program(view.program())));
        plan.setSubject(new Reference("Patient/" + view.patientId()));
        Period period = new Period().setStartElement(TaskResources.dateTime(view.createdAt()));
        if (view.closedAt() != null) {
            period.setEndElement(TaskResources.dateTime(view.closedAt()));
        }
        plan.setPeriod(period);
        plan.setCreatedElement(TaskResources.dateTime(view.createdAt()));
        for (PlanView.TaskSummary task : view.tasks()) {
            plan.addActivity().setReference(new Reference("Task/" + task.id()).setDisplay(labels.taskType(task.taskType())));
        }
        if (view.templateRules() != null) {
            view.templateRules().forEach(t -> DecisionSource.add(plan, "template", view.ruleSetVersion(), t.rule(), t.source()));
        }
        return plan;
    }
}
