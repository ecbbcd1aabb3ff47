package app.baton.cdshooks;

import app.baton.decision.AskedBy;
import app.baton.decision.DecisionResponse;
import app.baton.decision.TaskDecision;
import app.baton.decision.TaskDecisions;
import app.baton.engine.CompiledRules;
import app.baton.engine.model.CaseInput;
import app.baton.security.Identity;
import org.springframework.stereotype.Component;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code patient-view}: each open task of the patient in view is decided again, as of now, with what the EHR's
 * resources say of the patient laid over the plan's stored facts; a card tells what to do next (a warning when the
 * task is overdue) and one card names each missing piece of information. Each card counts against the row that
 * produced it: the next-best-action row, else the due-date row; the missing-information row.
 */
@Component
class PatientView {

    private final OpenTasks openTasks;
    private final TaskDecisions decisions;
    private final CardMaker cards;

    PatientView(OpenTasks openTasks, TaskDecisions decisions, CardMaker cards) {
        this.openTasks = openTasks;
        this.decisions = decisions;
        this.cards = cards;
    }

    CardMaker.Answer answer(String patientId, FhirFacts fhir, Identity ehr) {
        List<OpenTasks.OpenTask> open = openTasks.of(patientId, ehr);
        if (open.isEmpty()) {
            return CardMaker.Answer.NONE;
        }
        CompiledRules rules = decisions.current();
        ZonedDateTime now = decisions.now();
        List<CardMaker.Made> made = new ArrayList<>();
        List<TaskDecision> decided = new ArrayList<>();
        for (OpenTasks.OpenTask task : open) {
            TaskDecision decision = decisions.evaluate(rules, withEhrFacts(task.input(), fhir), now, AskedBy.CDS_HOOKS);
            decided.add(decision);
            made.add(headline(task, decision, now, patientId));
            for (DecisionResponse.MissingInfo missing : decision.missingInfo()) {
                String row = CardMaker.row(missing.source(), missing.rule());
                made.add(new CardMaker.Made(cards.card("Missing for " + cards.taskType(task.type()) + ": " + missing.field(),
                        missing.reason(), "warning", decision.ruleSetVersion(), row, List.of(), task.id().toString()), decision, row,
                        task.id().toString()));
            }
        }
        return new CardMaker.Answer(decided, made);
    }

    private CardMaker.Made headline(OpenTasks.OpenTask task, TaskDecision decision, ZonedDateTime now, String patientId) {
        boolean overdue = decision.dueAt() != null && decision.dueAt().isBefore(now.toOffsetDateTime());
        String label = cards.taskType(task.type());
        DecisionResponse.NextBestAction next = decision.nextAction();
        String summary;
        String row;
        if (next != null && next.prompt() != null) {
            summary = (overdue ? "Overdue: " : "") + label + ": " + next.prompt();
            row = CardMaker.row(next.source(), next.rule());
        } else if (decision.dueAt() != null) {
            summary = label + (overdue ? " was due " : " is due ") + CardMaker.day(decision.dueAt());
            row = CardMaker.row(decision.response().sla().source(), decision.dueRule());
        } else {
            summary = label + " is open in " + cards.queue(decision.queue());
            row = CardMaker.row(decision.response().routing() == null ? null : decision.response().routing().source(), decision.routingRule());
        }
        String detail = "**Due** " + CardMaker.day(decision.dueAt()) + (decision.slaBasis() == null ? "" : " (" + decision.slaBasis() + ")")
                + "\n\n**Queue** " + cards.queue(decision.queue());
        String id = task.id().toString();
        CaseInput.Task t = task.input().task();
        Card.Suggestion onWorklist = cards.suggestion("Put this task on the EHR's task list", List.of(new Card.Action("update",
                "Update Baton's task " + label + " in the EHR", cards.task(id, true, patientId, fhirStatus(t.status().name()),
                fhirPriority(t.priority() == null ? null : t.priority().name()), decision, t.type().name()), null)));
        return new CardMaker.Made(cards.card(summary, detail, overdue ? "warning" : "info", decision.ruleSetVersion(), row,
                List.of(onWorklist), id), decision, row, id);
    }

    /** The EHR's current word on language, payer and member ID wins over what the plan stored at intake. */
    private static CaseInput withEhrFacts(CaseInput input, FhirFacts fhir) {
        CaseInput.Patient p = input.patient();
        CaseInput.Patient patient = new CaseInput.Patient(p.id(), fhir.payer() != null ? fhir.payer() : p.payer(),
                fhir.memberIdOnFile() ? "on file" : p.memberId(), fhir.language() != null ? fhir.language() : p.language(), p.location(),
                p.consentOnFile(), p.lineOfBusiness(), p.ccmConsentOnFile());
        return new CaseInput(input.practice(), patient, input.carePlan(), input.task());
    }

    /** Baton's task status as FHIR Task.status (docs/cds-hooks.md has the table). */
    static String fhirStatus(String status) {
        return switch (status) {
            case "NEW" -> "requested";
            case "READY" -> "ready";
            case "IN_PROGRESS" -> "in-progress";
            case "WAITING_ON_PATIENT", "WAITING_ON_EXTERNAL", "BLOCKED_MISSING_INFO" -> "on-hold";
            case "DONE" -> "completed";
            default -> "cancelled";
        };
    }

    static String fhirPriority(String priority) {
        if (priority == null) {
            return "routine";
        }
        return switch (priority) {
            case "URGENT" -> "urgent";
            case "EXPEDITED" -> "asap";
            default -> "routine";
        };
    }
}
