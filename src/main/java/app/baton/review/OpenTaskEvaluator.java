package app.baton.review;

import app.baton.decision.AskedBy;
import app.baton.decision.DecisionResponse;
import app.baton.decision.TaskDecision;
import app.baton.decision.TaskDecisions;
import app.baton.engine.CompiledRules;
import app.baton.review.ImpactTally.Outcome;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Evaluates open tasks as they stand now against a candidate version, through the decision module's in-process
 * evaluation ({@link TaskDecisions#evaluate}), recording nothing. Before is what the task shows now (stored queue,
 * due date, missing fields, prompt) and the escalation steps the active version raises for it now; after is the
 * candidate's answer at the same instant. Each task is added to the tally like a replayed decision.
 */
final class OpenTaskEvaluator {

    private final CompiledRules candidate;
    private final CompiledRules active;
    private final TaskDecisions decisions;
    private final ZonedDateTime asOf;
    private final ImpactTally tally;

    OpenTaskEvaluator(CompiledRules candidate, CompiledRules active, TaskDecisions decisions, ZonedDateTime asOf, ImpactTally tally) {
        this.candidate = candidate;
        this.active = active;
        this.decisions = decisions;
        this.asOf = asOf;
        this.tally = tally;
    }

    /** Evaluates the task and tallies it; returns the candidate's answer, or null when a rule failed on it. */
    TaskDecision evaluate(OpenWork.OpenTask task) {
        String decisionId = task.decisionId() == null ? null : task.decisionId().toString();
        String taskId = task.id().toString();
        TaskDecision after;
        List<String> activeSteps;
        if (task.input() == null) {
            tally.failed(decisionId, taskId, "the task's stored plan facts cannot be read");
            return null;
        }
        try {
            after = decisions.evaluate(candidate, task.input(), asOf, AskedBy.RE_EVALUATION);
            activeSteps = Objects.equals(active.version(), candidate.version()) ? steps(after)
                    : steps(decisions.evaluate(active, task.input(), asOf, AskedBy.RE_EVALUATION));
        } catch (RuntimeException e) {
            tally.failed(decisionId, taskId, "a rule failed on the task (" + e.getClass().getSimpleName() + ")");
            return null;
        }
        ZoneId zone = asOf.getZone();
        Outcome before = new Outcome(task.queue(), local(task.dueAt(), zone), sorted(task.missingInfo().stream()),
                task.prompt() == null ? List.of() : List.of(task.prompt()), activeSteps);
        Outcome candidateSays = new Outcome(after.queue(), local(after.dueAt(), zone),
                sorted(after.missingInfo().stream().map(DecisionResponse.MissingInfo::field)),
                after.nextAction() == null ? List.of() : List.of(after.nextAction().code()), steps(after));
        tally.replayed(decisionId, taskId, before, candidateSays);
        return after;
    }

    private static List<String> steps(TaskDecision d) {
        return sorted(d.escalations() == null ? Stream.empty() : d.escalations().stream().map(e -> "level " + e.level() + " → " + e.recipient()));
    }

    private static LocalDateTime local(OffsetDateTime time, ZoneId zone) {
        return time == null ? null : time.atZoneSameInstant(zone).toLocalDateTime();
    }

    private static List<String> sorted(Stream<String> items) {
        return items.distinct().sorted().toList();
    }
}
