package app.baton.cdshooks;

import app.baton.decision.AskedBy;
import app.baton.decision.DecisionResponse;
import app.baton.decision.PlanDecision;
import app.baton.decision.PlanDecisions;
import app.baton.decision.TaskDecision;
import app.baton.decision.TaskDecisions;
import app.baton.engine.CompiledRules;
import app.baton.engine.PlanEvaluation;
import app.baton.engine.model.CaseInput;
import app.baton.engine.model.DischargeEncounter;
import app.baton.engine.model.PlanStep;
import app.baton.engine.model.Priority;
import app.baton.engine.model.Program;
import app.baton.engine.model.Stage;
import app.baton.engine.model.TaskStatus;
import app.baton.security.Identity;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code encounter-discharge}: what Baton will do for this discharge, decided now and changing nothing in the
 * tracker (the discharge still arrives by intake). The program, the setting discharged from and the destination are
 * read from the Encounter as the FHIR intake reads them (a program coding in {@code type}, else TCM; {@code class};
 * {@code hospitalization.dischargeDisposition}), and the plan template of the active rule set is evaluated with them
 * as the intake evaluates it; the template's answer is a recorded decision of its own ({@link PlanDecisions}). When the
 * template makes a plan, each of its tasks is decided (queue, due date, missing information) and recorded; one card shows
 * the plan, made from the template's decision and counted against its template row, with a suggestion that creates the
 * plan's tasks as FHIR Tasks in the EHR, and one card names each piece of missing information, made from that task's
 * decision and counted against the row that asks for it. When the template refuses (an emergency department visit is no
 * TCM or FUH discharge), one card says so with the template's reason, made from the template's decision and counted
 * against the refusing row; no task is decided.
 */
@Component
class EncounterDischarge {

    private final TaskDecisions decisions;
    private final PlanDecisions plans;
    private final CardMaker cards;

    EncounterDischarge(TaskDecisions decisions, PlanDecisions plans, CardMaker cards) {
        this.decisions = decisions;
        this.plans = plans;
        this.cards = cards;
    }

    CardMaker.Answer answer(String patientId, String encounterId, String hookInstance, FhirFacts fhir, Identity ehr) {
        CompiledRules rules = decisions.current();
        ZonedDateTime now = decisions.now();
        Program program = fhir.program() != null ? fhir.program() : DischargeEncounter.DEFAULT_PROGRAM;
        String planId = "cds-" + shortId(encounterId);
        String location = ehr.locations().size() == 1 && !ehr.locations().contains(Identity.ALL_LOCATIONS)
                ? ehr.locations().iterator().next() : null;
        CaseInput.Patient patient = new CaseInput.Patient(patientId, fhir.payer(), fhir.memberIdOnFile() ? "on file" : null,
                fhir.language(), location, null, null, null);
        OffsetDateTime dischargeAt = fhir.dischargeAt();
        CaseInput.CarePlan carePlan = new CaseInput.CarePlan(planId, program, Stage.COORDINATION, null, dischargeAt, null, null, null,
                null, null, null, fhir.dischargeSetting(), fhir.dischargeDestination(), null, null, null);
        PlanDecision template = plans.evaluate(rules, patient, carePlan, now, AskedBy.CDS_HOOKS);
        PlanEvaluation plan = template.plan();
        if (plan.notEligible() != null) {
            return notEligible(rules, program, template);
        }
        if (plan.steps().isEmpty()) {
            return CardMaker.Answer.NONE;
        }
        List<TaskDecision> decided = new ArrayList<>();
        List<Card.Action> creates = new ArrayList<>();
        StringBuilder detail = new StringBuilder("| task | queue | due |\n|---|---|---|\n");
        for (int i = 0; i < plan.steps().size(); i++) {
            PlanStep step = plan.steps().get(i);
            boolean waits = step.after() != null && step.after() != step.taskType();
            String taskId = "cds-" + shortId(hookInstance) + "-" + (i + 1);
            CaseInput.Task task = new CaseInput.Task(taskId, step.taskType(), waits ? TaskStatus.NEW : TaskStatus.READY, Priority.ROUTINE,
                    now.toOffsetDateTime(), now.toOffsetDateTime(), 0, null);
            TaskDecision decision = decisions.evaluate(rules, new CaseInput(null, patient, carePlan, task), now, AskedBy.CDS_HOOKS);
            decided.add(decision);
            String label = cards.taskType(step.taskType());
            creates.add(new Card.Action("create", "Create the task " + label, cards.task(taskId, false, patientId,
                    waits ? "requested" : "ready", "routine", decision, step.taskType().name()), null));
            detail.append("| ").append(label).append(" | ").append(cards.queue(decision.queue())).append(" | ")
                    .append(CardMaker.day(decision.dueAt())).append(" |\n");
        }
        TaskDecision first = decided.get(0);
        String templateRow = CardMaker.row(decisions.source(rules, plan.steps().get(0).rule()), plan.steps().get(0).rule());
        String summary = "Baton starts a " + program + " plan of " + plan.steps().size() + " tasks; " + cards.taskType(plan.steps().get(0).taskType())
                + " due " + CardMaker.day(first.dueAt());
        List<CardMaker.Made> made = new ArrayList<>();
        made.add(new CardMaker.Made(cards.card(summary, detail.toString(), "info", template.ruleSetVersion(), templateRow,
                List.of(cards.suggestion("Create the plan's tasks in the EHR", creates)), null), template, templateRow));
        Set<String> named = new LinkedHashSet<>();
        for (TaskDecision decision : decided) {
            for (DecisionResponse.MissingInfo missing : decision.missingInfo()) {
                if (named.add(missing.field())) {
                    String row = CardMaker.row(missing.source(), missing.rule());
                    made.add(new CardMaker.Made(cards.card("Missing before the " + program + " plan can run: " + missing.field(), missing.reason(),
                            "warning", decision.ruleSetVersion(), row, List.of(), null), decision, row, null));
                }
            }
        }
        return new CardMaker.Answer(decided, List.of(template), made);
    }

    /** The template's refusal as one card, made from the template's decision and counted against the row that refused. */
    private CardMaker.Answer notEligible(CompiledRules rules, Program program, PlanDecision template) {
        PlanEvaluation plan = template.plan();
        String row = CardMaker.row(decisions.source(rules, plan.notEligibleRule()), plan.notEligibleRule());
        Card card = cards.card("Not eligible for " + program + ": Baton starts no plan for this discharge", plan.notEligible(), "info",
                template.ruleSetVersion(), row, List.of(), null);
        return new CardMaker.Answer(List.of(), List.of(template), List.of(new CardMaker.Made(card, template, row)));
    }

    /** Ids from the EHR are cut so that a task id stays within the decision record's 64 characters. */
    private static String shortId(String id) {
        String safe = id.replaceAll("[^A-Za-z0-9-]", "");
        return safe.length() > 36 ? safe.substring(0, 36) : safe;
    }
}
