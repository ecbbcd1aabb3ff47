package app.baton.engine.model;

import org.drools.ruleunits.api.DataSource;
import org.drools.ruleunits.api.DataStore;
import org.drools.ruleunits.api.RuleUnitData;

/**
 * The rule unit every decision runs in: the task, the fields it lacks, and the due dates the SLA
 * rules set (which the escalation rules match on). One task per unit instance; or, for the plan
 * template and closure checklist tables, one care plan (then the task rules find no task).
 */
public class TaskDecisionUnit implements RuleUnitData {

    private final DataStore<TaskCase> tasks = DataSource.createStore();
    private final DataStore<AbsentField> absentFields = DataSource.createStore();
    private final DataStore<DueDate> dueDates = DataSource.createStore();
    private final DataStore<PlanCase> plans = DataSource.createStore();

    public DataStore<TaskCase> getTasks() {
        return tasks;
    }

    public DataStore<AbsentField> getAbsentFields() {
        return absentFields;
    }

    public DataStore<DueDate> getDueDates() {
        return dueDates;
    }

    public DataStore<PlanCase> getPlans() {
        return plans;
    }
}
