package app.baton.intake;

import app.baton.careplan.CaseFacts;
import app.baton.careplan.PlanCreated;
import app.baton.careplan.PlanFactsChanged;
import app.baton.careplan.Plans;
import app.baton.careplan.TaskDecider;
import app.baton.careplan.TaskRow;
import app.baton.careplan.Tasks;

import app.baton.decision.AskedBy;
import app.baton.decision.PlanDecision;
import app.baton.decision.PlanDecisions;
import app.baton.decision.TaskDecisions;
import app.baton.decision.DecisionResponse;
import app.baton.engine.CompiledRules;
import app.baton.engine.PlanEvaluation;
import app.baton.engine.model.PlanStep;
import app.baton.engine.model.TaskStatus;
import app.baton.engine.model.TaskType;
import app.baton.system.ApiException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Builds a care plan from its program's template: one task per template row, in row order. A task
 * whose row names a "Follows" task starts NEW and waits for it; the others start READY. Each task's
 * queue, due date and prompt come from the routing, SLA and next-best-action tables.
 */
@Component
public class PlanBuilder {

    private final Plans plans;
    private final Tasks tasks;
    private final TaskDecisions decisions;
    private final TaskDecider decider;
    private final ApplicationEventPublisher events;
    private final PlanDecisions planDecisions;

    PlanBuilder(Plans plans, Tasks tasks, TaskDecisions decisions, TaskDecider decider, ApplicationEventPublisher events,
                PlanDecisions planDecisions) {
        this.planDecisions = planDecisions;
        this.plans = plans;
        this.tasks = tasks;
        this.decisions = decisions;
        this.decider = decider;
        this.events = events;
    }

    /**
     * These facts with the discharge date of the patient's previous TCM plan in Baton, when a TCM discharge did not name
     * an earlier one itself: the plan template decides whether this discharge may start a second TCM period.
     */
    CaseFacts withEarlierTcm(CaseFacts facts) {
        if (facts.program() != app.baton.engine.model.Program.TCM || facts.dischargeAt() == null || facts.patientId() == null
                || facts.previousTcmDischargeAt() != null) {
            return facts;
        }
        return plans.latestTcmDischarge(facts.patientId(), facts.dischargeAt()).map(facts::withPreviousTcmDischargeAt).orElse(facts);
    }

    /**
     * The plan template's answer for these facts, a plan template decision recorded when the plan is built
     * ({@link #build}). A refusal ("Not eligible because") is recorded at once in a transaction of its own, since the
     * 422 rolls the intake back, and the problem names that decision; a version without a template row for the program
     * cannot take the intake.
     */
    PlanDecision template(CompiledRules compiled, CaseFacts facts, ZonedDateTime asOf) {
        PlanDecision decision = planDecisions.evaluate(compiled, facts.patient(), facts.carePlan(null, null), asOf, AskedBy.INTAKE);
        PlanEvaluation plan = decision.plan();
        if (plan.notEligible() != null) {
            planDecisions.recordApart(decision);
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "not-eligible", "Not eligible for this program",
                    "rule set version " + compiled.version() + " makes no " + facts.program() + " plan for this intake: "
                            + plan.notEligible() + "; the refusal is recorded as decision " + decision.id() + ", nothing else was stored");
        }
        if (plan.steps().isEmpty()) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "no-plan-template", "No plan template for this program",
                    "rule set version " + compiled.version() + " has no plan template row for program " + facts.program()
                            + "; nothing was stored");
        }
        return decision;
    }

    /**
     * A plan not stored yet: its id, and each template task as it will be stored (its id, prerequisite, status and stage)
     * with the rules' answer about it, in the order they are stored. Evaluated once here; {@link #build} stores them.
     */
    record Planned(UUID planId, List<TaskDecider.Evaluated> tasks) {

        /** The tasks in template row order (the order the template gives them, whatever the order of storing). */
        List<TaskDecider.Evaluated> inRowOrder() {
            return tasks.stream().sorted(java.util.Comparator.comparingInt(TaskDecider.Evaluated::position)).toList();
        }
    }

    /**
     * Each of the template's tasks evaluated once, as the task it will be: one task per template row, in row order,
     * except that a task is stored after the task it follows (the prerequisite is a foreign key); it starts NEW when it
     * follows another, else READY. Nothing is stored.
     */
    Planned evaluate(CaseFacts facts, CompiledRules compiled, PlanEvaluation template, ZonedDateTime asOf) {
        UUID planId = UUID.randomUUID();
        OffsetDateTime now = asOf.toOffsetDateTime();
        Map<TaskType, UUID> ids = new EnumMap<>(TaskType.class);
        template.steps().forEach(step -> ids.putIfAbsent(step.taskType(), UUID.randomUUID()));
        List<UUID> placed = new ArrayList<>();
        List<TaskDecider.Evaluated> evaluated = new ArrayList<>();
        List<PlanStep> waiting = new ArrayList<>(template.steps());
        while (!waiting.isEmpty()) {
            List<PlanStep> ready = waiting.stream().filter(step -> prerequisite(step, ids) == null
                    || placed.contains(prerequisite(step, ids))).toList();
            boolean stuck = ready.isEmpty();
            for (PlanStep step : stuck ? waiting : ready) {
                UUID prerequisite = stuck ? null : prerequisite(step, ids);
                placed.add(ids.get(step.taskType()));
                evaluated.add(decider.evaluate(draft(ids.get(step.taskType()), planId, prerequisite, facts, step, compiled, now),
                        template.steps().indexOf(step), facts, compiled, asOf));
            }
            waiting.removeAll(stuck ? List.copyOf(waiting) : ready);
        }
        return new Planned(planId, List.copyOf(evaluated));
    }

    /**
     * Stores the planned plan for this intake and its tasks from the decisions already made about them (recorded now,
     * with the tasks); evaluates nothing.
     */
    void build(Intakes.IntakeRow intake, CaseFacts facts, CompiledRules compiled, PlanDecision templateDecision, Planned planned,
               ZonedDateTime asOf) {
        planDecisions.record(List.of(templateDecision));
        PlanEvaluation template = templateDecision.plan();
        Set<String> stepRules = template.steps().stream().map(PlanStep::rule).collect(Collectors.toSet());
        List<DecisionResponse.TraceEntry> rules = template.firedRules().stream().filter(stepRules::contains)
                .map(rule -> new DecisionResponse.TraceEntry(rule, decisions.source(compiled, rule))).toList();
        plans.insert(new Plans.PlanRow(planned.planId(), intake.id(), intake.patientId(), intake.location(), facts, Plans.Status.OPEN,
                Integer.parseInt(compiled.version()), rules, asOf.toOffsetDateTime(), null, null, null, 0));
        List<UUID> created = decider.createAll(planned.tasks()).stream().map(TaskRow::id).toList();
        events.publishEvent(new PlanCreated(planned.planId(), intake.id(), intake.patientId(), facts.program().name(),
                Integer.parseInt(compiled.version()), created));
    }

    /**
     * A task the plan template marks "Repeats MONTHLY" (CCM's monthly review) was closed by a person: the plan moves to
     * the next calendar month (its period starts on the first of the month after the current one, with no minutes
     * logged; audited as a change of the plan's facts), its open tasks are decided again, and the next month's task is
     * made, decided and recorded like any plan task. In the transaction that closed the task, under its plan's lock.
     * A task the rules closed (consent revoked, death) does not come back.
     */
    public void nextMonth(TaskRow closed) {
        if (closed.planId() == null || closed.status().isOpen()) {
            return;
        }
        Plans.PlanRow plan = plans.find(closed.planId()).orElseThrow(() -> new IllegalStateException("task without its plan"));
        if (plan.status() != Plans.Status.OPEN) {
            return;
        }
        CompiledRules compiled = decisions.current();
        ZonedDateTime now = decisions.now();
        boolean monthly = decisions.plan(compiled, plan.facts().patient(), plan.facts().carePlan(null, null), now).steps().stream()
                .anyMatch(step -> step.taskType() == closed.type() && step.monthly());
        if (!monthly) {
            return;
        }
        java.time.LocalDate current = plan.facts().periodStart() != null ? plan.facts().periodStart() : now.toLocalDate();
        CaseFacts facts = plan.facts().forMonth(current.withDayOfMonth(1).plusMonths(1));
        plans.updateFacts(plan.id(), facts);
        events.publishEvent(new PlanFactsChanged(plan.id(), plan.patientId(), facts.program().name(), plan.version() + 1));
        List<TaskRow> ofPlan = tasks.ofPlan(plan.id());
        for (TaskRow open : ofPlan) {
            if (open.status().isOpen()) {
                decider.redecide(open, open, false, app.baton.decision.AskedBy.PLAN_FACTS)
                        .orElseThrow(() -> new IllegalStateException("a task changed under its plan's lock"));
            }
        }
        OffsetDateTime at = now.toOffsetDateTime();
        TaskRow draft = new TaskRow(UUID.randomUUID(), plan.id(), null, null, TaskRow.Purpose.PLAN, plan.patientId(), plan.location(),
                facts.program(), closed.type(), TaskStatus.READY, facts.priorityOrRoutine(), null, null, null, null, null, null, null, null,
                null, List.of(), List.of(), Integer.parseInt(compiled.version()), 0, null, at, at, 0, null, null);
        decider.create(draft, ofPlan.size(), facts, compiled, now, null);
    }

    private static UUID prerequisite(PlanStep step, Map<TaskType, UUID> ids) {
        return step.after() == null || step.after() == step.taskType() ? null : ids.get(step.after());
    }

    private static TaskRow draft(UUID id, UUID planId, UUID prerequisite, CaseFacts facts, PlanStep step, CompiledRules compiled,
                                 OffsetDateTime now) {
        return new TaskRow(id, planId, null, prerequisite, TaskRow.Purpose.PLAN, facts.patientId(), facts.location(),
                facts.program(), step.taskType(), prerequisite == null ? TaskStatus.READY : TaskStatus.NEW,
                facts.priorityOrRoutine(), null, null, null, null, null, null, null, null, null, List.of(), List.of(),
                Integer.parseInt(compiled.version()), 0, null, now, now, 0, null, null);
    }
}
