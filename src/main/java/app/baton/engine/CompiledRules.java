package app.baton.engine;

import app.baton.calendar.SlaCalendar;
import app.baton.engine.internal.FiringListener;
import app.baton.engine.model.AbsentFields;
import app.baton.engine.model.CaseInput;
import app.baton.engine.model.Complexity;
import app.baton.engine.model.DischargeDestination;
import app.baton.engine.model.DischargeSetting;
import app.baton.engine.model.DueDate;
import app.baton.engine.model.PlanCase;
import app.baton.engine.model.Program;
import app.baton.engine.model.TaskCase;
import app.baton.engine.model.TaskDecisionUnit;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.ruleunits.api.RuleUnit;
import org.drools.ruleunits.api.RuleUnitInstance;
import org.drools.ruleunits.api.RuleUnitProvider;
import org.drools.ruleunits.api.conf.RuleConfig;
import org.kie.api.runtime.KieContainer;

import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One rule set version, compiled: its own class loader and rule unit, so several versions can
 * live side by side and a request keeps the version it started with. Thread-safe: every
 * evaluation gets a fresh unit instance.
 */
public final class CompiledRules implements AutoCloseable {

    private final String version;
    private final RuleUnit<TaskDecisionUnit> unit;
    private final KieContainer container;
    private final InternalKieModule module;
    private final Map<String, RuleSource> sources;
    private final Set<String> inputsRead;

    CompiledRules(String version, RuleUnit<TaskDecisionUnit> unit, KieContainer container, InternalKieModule module,
                  Map<String, RuleSource> sources, Set<String> inputsRead) {
        this.inputsRead = Set.copyOf(inputsRead);
        this.version = version;
        this.unit = unit;
        this.container = container;
        this.module = module;
        this.sources = Map.copyOf(sources);
    }

    public String version() {
        return version;
    }

    /**
     * The same compiled rules under another version label: a candidate is compiled before the
     * database gives it its version number, and is not compiled twice.
     */
    public CompiledRules relabeled(String newVersion) {
        return new CompiledRules(newVersion, unit, container, module, sources, inputsRead);
    }

    /** The module the build wrote (its generated classes): the container holds it anyway. */
    InternalKieModule module() {
        return module;
    }

    /** Every rule of the version by name, with where it comes from. */
    public Map<String, RuleSource> rules() {
        return sources;
    }

    /** The request fields (e.g. {@code carePlan.dischargeAt}) this version's rules read. */
    public Set<String> inputsRead() {
        return inputsRead;
    }

    public Optional<RuleSource> source(String rule) {
        return Optional.ofNullable(sources.get(rule));
    }

    public Evaluation evaluate(CaseInput input, ZonedDateTime asOf, SlaCalendar calendar) {
        TaskCase task = new TaskCase(input, asOf, calendar);
        TaskDecisionUnit data = new TaskDecisionUnit();
        FiringListener listener = new FiringListener(task::firing);
        RuleConfig config = RuleUnitProvider.get().newRuleConfig();
        config.getAgendaEventListeners().add(listener);
        try (RuleUnitInstance<TaskDecisionUnit> instance = unit.createInstance(data, config)) {
            data.getTasks().add(task);
            AbsentFields.of(input).forEach(data.getAbsentFields()::add);
            instance.fire();
        }
        Optional<DueDate> due = task.dueDate();
        return new Evaluation(task.routing().orElse(null),
                due.map(DueDate::getDueAt).orElse(null),
                due.map(DueDate::getBasis).orElse(null),
                due.map(DueDate::getRule).orElse(null),
                task.missingInfo(), task.nextActions(), task.escalations(), listener.fired());
    }

    /**
     * What the plan tables say for a care plan of this program: its template's steps, in row order,
     * and its closure checklist. A version without plan tables gives neither.
     */
    public PlanEvaluation plan(Program program, Complexity complexity, ZonedDateTime asOf) {
        return plan(program, complexity, null, null, asOf);
    }

    /** As {@link #plan(Program, Complexity, ZonedDateTime)}, for a discharge from this setting to this destination. */
    public PlanEvaluation plan(Program program, Complexity complexity, DischargeSetting setting, DischargeDestination destination,
                               ZonedDateTime asOf) {
        return plan(new PlanCase(program, complexity, setting, destination, asOf));
    }

    /** As {@link #plan(Program, Complexity, ZonedDateTime)}, with every plan-level fact of the intake (age, conditions, ...). */
    public PlanEvaluation plan(CaseInput.Patient patient, CaseInput.CarePlan carePlan, ZonedDateTime asOf) {
        return plan(new PlanCase(patient, carePlan, asOf));
    }

    private PlanEvaluation plan(PlanCase plan) {
        TaskDecisionUnit data = new TaskDecisionUnit();
        FiringListener listener = new FiringListener(plan::firing);
        RuleConfig config = RuleUnitProvider.get().newRuleConfig();
        config.getAgendaEventListeners().add(listener);
        try (RuleUnitInstance<TaskDecisionUnit> instance = unit.createInstance(data, config)) {
            data.getPlans().add(plan);
            instance.fire();
        }
        return new PlanEvaluation(plan.steps(), plan.checklist(), listener.fired(), plan.notEligibleReason(), plan.notEligibleRule());
    }

    @Override
    public void close() {
        container.dispose();
    }
}
