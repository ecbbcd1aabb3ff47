package app.baton.intake;

import app.baton.careplan.CaseFacts;
import app.baton.careplan.FieldsUpdate;
import app.baton.careplan.PlanWork;
import app.baton.careplan.TaskDecider;
import app.baton.careplan.TaskRow;
import app.baton.careplan.Tasks;
import app.baton.careplan.TrackerProblems;
import app.baton.careplan.TrackerRead;
import app.baton.careplan.TaskStatusChanged;

import app.baton.decision.AskedBy;
import app.baton.decision.TaskDecision;
import app.baton.decision.TaskDecisions;
import app.baton.decision.DecisionResponse;
import app.baton.engine.CompiledRules;
import app.baton.engine.PlanEvaluation;
import app.baton.engine.model.CaseInput;
import app.baton.engine.model.PlanStep;
import app.baton.engine.model.Program;
import app.baton.engine.model.Stage;
import app.baton.engine.model.TaskStatus;
import app.baton.engine.model.TaskType;
import app.baton.security.PatientAccess;
import app.baton.system.ApiException;
import app.baton.system.Problems;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Takes in referrals and discharges, once per source event. The active rule set's missing-info
 * decision, asked for every task the program's template would create, says whether the intake is
 * complete: then its plan is built at once; if not, a referral is held with one task, routed by the
 * routing table, that lists what is missing. A discharge is never held: its tasks' deadlines run
 * from the discharge, so its plan is built at once and the missing fields get their own task beside
 * it. Completing the fields re-evaluates, closes that task and releases a held intake.
 * Each call is one transaction: an intake is stored with its plan or its held task, or not at all.
 */
@Service
public class IntakeService {

    private static final Set<Program> DISCHARGE_PROGRAMS = Set.of(Program.TCM, Program.FUH);

    private final TaskDecisions rules;
    private final PlanWork plans;
    private final Intakes intakes;
    private final Tasks tasks;
    private final PlanBuilder builder;
    private final TaskDecider decider;
    private final IntakeViews views;
    private final ApplicationEventPublisher events;
    private final PatientAccess patientAccess;

    IntakeService(TaskDecisions rules, PlanWork plans, Intakes intakes, Tasks tasks, PlanBuilder builder, TaskDecider decider,
                  IntakeViews views, ApplicationEventPublisher events, PatientAccess patientAccess) {
        this.patientAccess = patientAccess;
        this.rules = rules;
        this.plans = plans;
        this.intakes = intakes;
        this.tasks = tasks;
        this.builder = builder;
        this.decider = decider;
        this.views = views;
        this.events = events;
    }

    record Outcome(IntakeView view, boolean replayed) {
    }

    @Transactional
    public Outcome receive(Intakes.Kind kind, IntakeRequest request, String requestSha256) {
        Program program = program(kind, request.program());
        CaseFacts facts = builder.withEarlierTcm(request.facts(program));
        ZonedDateTime now = rules.now();
        Intakes.IntakeRow row = new Intakes.IntakeRow(UUID.randomUUID(), request.sourceSystem(), request.sourceId(), kind,
                requestSha256, Intakes.Status.HELD, facts.patientId(), facts.location(), facts, null, null, now.toOffsetDateTime(), null);
        if (!intakes.insert(row)) {
            return replay(request, requestSha256);
        }
        CompiledRules compiled = rules.current();
        PlanEvaluation template = PlanBuilder.template(rules, compiled, facts, now);
        List<DecisionResponse.MissingInfo> missing = missing(compiled, facts, template, now);
        if (missing.isEmpty() || kind == Intakes.Kind.DISCHARGE) {
            release(row, facts, compiled, template, now);
        }
        if (!missing.isEmpty()) {
            TaskType type = kind == Intakes.Kind.DISCHARGE ? TaskType.COMPLETE_INTAKE : template.steps().get(0).taskType();
            TaskRow held = decider.create(heldTask(row, facts, type, compiled, now), 0, facts, compiled, now, missing);
            events.publishEvent(new IntakeHeld(row.id(), held.id(), row.patientId(), program.name(),
                    missing.stream().map(DecisionResponse.MissingInfo::field).toList()));
        }
        IntakeView view = views.of(intakes.find(row.id()).orElseThrow());
        intakes.answered(row.id(), views.json(view));
        return new Outcome(view, false);
    }

    /** Lays the fields over the held intake's facts and decides again; releases it when nothing is missing. */
    @Transactional
    public IntakeView complete(UUID id, FieldsUpdate fields) {
        Intakes.IntakeRow intake = intakes.lock(id).orElseThrow(() -> TrackerProblems.notFound("intake"));
        boolean flagOpen = tasks.holdingIntake(id).stream().anyMatch(t -> t.status().isOpen());
        if (intake.status() == Intakes.Status.RELEASED && !flagOpen) {
            throw new ApiException(HttpStatus.CONFLICT, "intake-released", "The intake is released already",
                    "its care plan exists (planId " + intake.planId() + "); change the plan's facts with PATCH /api/v1/plans/{id}");
        }
        // A released intake's own plan is the patient's latest TCM plan: only a held one looks for an earlier period.
        CaseFacts facts = intake.planId() == null ? builder.withEarlierTcm(intake.facts().with(fields)) : intake.facts().with(fields);
        intakes.updateFacts(id, facts);
        if (intake.planId() != null) {
            plans.completeFacts(intake.planId(), fields);
        }
        CompiledRules compiled = rules.current();
        ZonedDateTime now = rules.now();
        PlanEvaluation template = PlanBuilder.template(rules, compiled, facts, now);
        List<DecisionResponse.MissingInfo> missing = missing(compiled, facts, template, now);
        for (TaskRow held : tasks.holdingIntake(id)) {
            if (!held.status().isOpen()) {
                continue;
            }
            TaskRow changed = missing.isEmpty() ? held.withStatus(TaskStatus.DONE, now.toOffsetDateTime()) : held;
            decider.redecide(held, changed, true, missing, AskedBy.PLAN_FACTS).orElseThrow(() -> new IllegalStateException("held task changed under its intake lock"));
            if (missing.isEmpty()) {
                events.publishEvent(new TaskStatusChanged(held.id(), null, held.patientId(), held.program().name(), held.type().name(),
                        held.status().name(), TaskStatus.DONE.name(), held.version() + 1));
            }
        }
        if (missing.isEmpty() && intake.status() == Intakes.Status.HELD) {
            release(intake, facts, compiled, template, now);
        }
        return views.of(intakes.find(id).orElseThrow());
    }

    private void release(Intakes.IntakeRow intake, CaseFacts facts, CompiledRules compiled, PlanEvaluation template, ZonedDateTime now) {
        UUID planId = builder.build(intake, facts, compiled, template, now);
        intakes.released(intake.id(), planId, now.toOffsetDateTime());
        events.publishEvent(new IntakeReleased(intake.id(), planId, intake.patientId(), facts.program().name()));
    }

    /**
     * The first answer again, for the same event sent again. An intake the caller may not see (another
     * location's patient) answers as a different body does, 422, so a replay never reveals its ids.
     */
    private Outcome replay(IntakeRequest request, String requestSha256) {
        Intakes.IntakeRow first = intakes.bySource(request.sourceSystem(), request.sourceId())
                .orElseThrow(() -> new IllegalStateException("intake conflict without a stored intake"));
        if (!first.requestSha256().equals(requestSha256) || !patientAccess.canSee(first.patientId(), first.location())) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "source-id-reused", "This source event was sent with another body",
                    "sourceSystem and sourceId name an event Baton took in with a different body; send a new sourceId for a new event",
                    List.of(new Problems.FieldError("sourceId", "already used with a different body")));
        }
        events.publishEvent(new TrackerRead("intake", first.id().toString(), first.patientId(), false));
        return new Outcome(views.read(first.firstResponse()), true);
    }

    /**
     * What the intake lacks: the missing-info flags of every task the template would create, asked
     * at the INTAKE stage. Only patient and plan fields count; a task's own fields (its submission
     * time) come later, from the work itself. These asks are not stored as decisions of their own: they concern
     * no task yet; each flag keeps the rule and table row that raised it, and the held task's own decision is
     * recorded when it is created.
     */
    private List<DecisionResponse.MissingInfo> missing(CompiledRules compiled, CaseFacts facts, PlanEvaluation template, ZonedDateTime now) {
        Map<String, DecisionResponse.MissingInfo> byField = new LinkedHashMap<>();
        for (PlanStep step : template.steps()) {
            CaseInput.Task task = new CaseInput.Task("intake", step.taskType(), TaskStatus.NEW, facts.priorityOrRoutine(),
                    now.toOffsetDateTime(), now.toOffsetDateTime(), 0, null);
            TaskDecision decided = rules.evaluate(compiled, new CaseInput(null, facts.patient(), facts.carePlan(null, Stage.INTAKE), task),
                    now, AskedBy.INTAKE);
            decided.missingInfo().stream().filter(f -> !f.field().startsWith("task."))
                    .forEach(flag -> byField.putIfAbsent(flag.field(), flag));
        }
        return List.copyOf(byField.values());
    }

    private static TaskRow heldTask(Intakes.IntakeRow intake, CaseFacts facts, TaskType type, CompiledRules compiled,
                                    ZonedDateTime now) {
        return new TaskRow(UUID.randomUUID(), null, intake.id(), null, TaskRow.Purpose.MISSING_INFO, intake.patientId(),
                intake.location(), facts.program(), type, TaskStatus.BLOCKED_MISSING_INFO,
                facts.priorityOrRoutine(), null, null, null, null, null, null, null, null, null, List.of(), List.of(),
                Integer.parseInt(compiled.version()), 0, null, now.toOffsetDateTime(), now.toOffsetDateTime(), 0, null, null);
    }

    private static Program program(Intakes.Kind kind, Program requested) {
        if (kind == Intakes.Kind.DISCHARGE) {
            Program program = requested == null ? Program.TCM : requested;
            if (!DISCHARGE_PROGRAMS.contains(program)) {
                throw TrackerProblems.invalid("program", "a discharge starts a TCM or FUH plan, not " + program);
            }
            return program;
        }
        Program program = requested == null ? Program.REFERRAL : requested;
        if (DISCHARGE_PROGRAMS.contains(program)) {
            throw TrackerProblems.invalid("program", program + " plans start from a discharge: POST /api/v1/intake/discharges");
        }
        return program;
    }
}
