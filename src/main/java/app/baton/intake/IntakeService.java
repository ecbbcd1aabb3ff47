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
import app.baton.decision.PlanDecision;
import app.baton.decision.TaskDecisions;
import app.baton.decision.DecisionResponse;
import app.baton.engine.CompiledRules;
import app.baton.engine.PlanEvaluation;
import app.baton.engine.model.Program;
import app.baton.engine.model.TaskStatus;
import app.baton.engine.model.TaskType;
import app.baton.security.PatientAccess;
import app.baton.system.ApiException;
import app.baton.system.Problems;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Takes in referrals and discharges, once per source event. The active rule set decides each task the program's
 * template creates, once, as the task it will be, and the intake's own task once at the INTAKE stage; the missing-info
 * flags of those answers say whether the intake is complete: then its plan is built at once from those same decisions;
 * if not, a referral is held with one task, routed by the routing table, that lists what is missing. A discharge is
 * never held: its tasks' deadlines run from the discharge, so its plan is built at once and the missing fields get
 * their own task beside it. Completing the fields re-evaluates, closes that task and releases a held intake.
 * Each call is one transaction: an intake is stored (its row written once, in its final form) with its plan or its
 * held task, or not at all.
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

    /**
     * Takes in one source event. Under a transaction-scoped lock on its source system and id (a twin sent at the same
     * moment waits here until the first commits), a replay is answered from the stored first answer before anything is
     * evaluated. A new event is decided first and written after: each template task is evaluated once, as the task it
     * will be, and the intake's own task once at the INTAKE stage ({@link #decide}); from those answers come what is
     * missing, the status, the plan id and the first answer; then the intake row is inserted once, in its final form,
     * and the plan's tasks (or the task that holds the intake) are stored from the same decisions, which are recorded
     * with them. Nothing is evaluated twice and no row is written twice.
     */
    @Transactional
    public Outcome receive(Intakes.Kind kind, IntakeRequest request, String requestSha256) {
        Program program = program(kind, request.program());
        CaseFacts requested = request.facts(program);
        intakes.lockSource(request.sourceSystem(), request.sourceId());
        Optional<Intakes.IntakeRow> first = intakes.bySource(request.sourceSystem(), request.sourceId());
        if (first.isPresent()) {
            return replay(first.get(), requestSha256);
        }
        CaseFacts facts = builder.withEarlierTcm(requested);
        // PostgreSQL keeps microseconds: the first answer, built here, shows the times as they are read back
        ZonedDateTime now = rules.now().truncatedTo(ChronoUnit.MICROS);
        CompiledRules compiled = rules.current();
        PlanDecision templateDecision = builder.template(compiled, facts, now);
        PlanEvaluation template = templateDecision.plan();
        UUID id = UUID.randomUUID();
        TaskType heldType = kind == Intakes.Kind.DISCHARGE ? TaskType.COMPLETE_INTAKE : template.steps().get(0).taskType();
        Answers decided = decide(id, facts, heldType, compiled, template, now);
        boolean release = decided.missing().isEmpty() || kind == Intakes.Kind.DISCHARGE;
        boolean flagged = !decided.missing().isEmpty();
        int version = Integer.parseInt(compiled.version());
        OffsetDateTime at = now.toOffsetDateTime();
        Intakes.Status status = release ? Intakes.Status.RELEASED : Intakes.Status.HELD;
        UUID planId = release ? decided.plan().planId() : null;
        UUID heldTaskId = flagged ? decided.intakeTask().draft().id() : null;
        IntakeView view = new IntakeView(id, request.sourceSystem(), request.sourceId(), kind.name(),
                status.name(), program.name(), facts.patientId(), planId, heldTaskId,
                flagged ? decided.missing() : List.of(), version, at, release ? at : null);
        Intakes.IntakeRow row = new Intakes.IntakeRow(id, request.sourceSystem(), request.sourceId(), kind, requestSha256,
                status, facts.patientId(), facts.location(), facts, views.json(view),
                planId, at, release ? at : null);
        if (!intakes.insert(row)) {
            throw new IllegalStateException("an intake was stored under its source's lock by another transaction");
        }
        if (release) {
            builder.build(row, facts, compiled, templateDecision, decided.plan(), now);
            events.publishEvent(new IntakeReleased(id, planId, row.patientId(), program.name()));
        }
        if (flagged) {
            TaskRow held = decider.create(decided.intakeTask(), decided.missing());
            events.publishEvent(new IntakeHeld(id, held.id(), row.patientId(), program.name(),
                    decided.missing().stream().map(DecisionResponse.MissingInfo::field).toList()));
        }
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
        PlanDecision templateDecision = builder.template(compiled, facts, now);
        PlanEvaluation template = templateDecision.plan();
        TaskType heldType = intake.kind() == Intakes.Kind.DISCHARGE ? TaskType.COMPLETE_INTAKE : template.steps().get(0).taskType();
        Answers decided = decide(id, facts, heldType, compiled, template, now);
        List<DecisionResponse.MissingInfo> missing = decided.missing();
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
            builder.build(intake, facts, compiled, templateDecision, decided.plan(), now);
            intakes.released(id, decided.plan().planId(), now.toOffsetDateTime());
            events.publishEvent(new IntakeReleased(id, decided.plan().planId(), intake.patientId(), facts.program().name()));
        }
        return views.of(intakes.find(id).orElseThrow());
    }

    /**
     * The first answer again, for the same event sent again: read from the stored intake, nothing evaluated. An intake
     * the caller may not see (another location's patient) answers as a different body does, 422, so a replay never
     * reveals its ids.
     */
    private Outcome replay(Intakes.IntakeRow first, String requestSha256) {
        if (!first.requestSha256().equals(requestSha256) || !patientAccess.canSee(first.patientId(), first.location())) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "source-id-reused", "This source event was sent with another body",
                    "sourceSystem and sourceId name an event Baton took in with a different body; send a new sourceId for a new event",
                    List.of(new Problems.FieldError("sourceId", "already used with a different body")));
        }
        events.publishEvent(new TrackerRead("intake", first.id().toString(), first.patientId(), false));
        return new Outcome(views.read(first.firstResponse()), true);
    }

    /**
     * An intake's decisions, each made once: its plan's tasks (as {@link PlanBuilder#evaluate} makes them, at the stage
     * each will be stored in), the intake's own task (the one that would hold it: status BLOCKED_MISSING_INFO, at the
     * INTAKE stage, where the missing-info table may ask for more, such as the preferred language), and what the intake
     * lacks, read from those answers.
     */
    private record Answers(PlanBuilder.Planned plan, TaskDecider.Evaluated intakeTask, List<DecisionResponse.MissingInfo> missing) {
    }

    private Answers decide(UUID intakeId, CaseFacts facts, TaskType heldType, CompiledRules compiled, PlanEvaluation template,
                           ZonedDateTime now) {
        TaskDecider.Evaluated intakeTask = decider.evaluate(heldTask(intakeId, facts, heldType, compiled, now), 0, facts, compiled, now);
        PlanBuilder.Planned plan = builder.evaluate(facts, compiled, template, now);
        return new Answers(plan, intakeTask, missing(intakeTask, plan));
    }

    /**
     * What the intake lacks: the missing-info flags of the intake's own task (asked at the INTAKE stage), then of every
     * task the template creates (asked as each will be stored), in template row order, each field once. Only patient
     * and plan fields count; a task's own fields (its submission time) come later, from the work itself. Each flag keeps
     * the rule and table row that raised it. The answers are recorded with the tasks they concern when those are
     * stored: the plan's tasks when the intake is released, the intake's own task when something is missing. A held
     * referral's plan-task answers are not stored (there is no task yet): its plan's tasks are decided again, and
     * recorded, when its fields are completed.
     */
    private static List<DecisionResponse.MissingInfo> missing(TaskDecider.Evaluated intakeTask, PlanBuilder.Planned plan) {
        Map<String, DecisionResponse.MissingInfo> byField = new LinkedHashMap<>();
        List<TaskDecider.Evaluated> asked = new ArrayList<>();
        asked.add(intakeTask);
        asked.addAll(plan.inRowOrder());
        for (TaskDecider.Evaluated task : asked) {
            task.decision().missingInfo().stream().filter(f -> !f.field().startsWith("task."))
                    .forEach(flag -> byField.putIfAbsent(flag.field(), flag));
        }
        return List.copyOf(byField.values());
    }

    private static TaskRow heldTask(UUID intakeId, CaseFacts facts, TaskType type, CompiledRules compiled, ZonedDateTime now) {
        return new TaskRow(UUID.randomUUID(), null, intakeId, null, TaskRow.Purpose.MISSING_INFO, facts.patientId(),
                facts.location(), facts.program(), type, TaskStatus.BLOCKED_MISSING_INFO,
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
