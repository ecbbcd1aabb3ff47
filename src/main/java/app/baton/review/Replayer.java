package app.baton.review;

import app.baton.calendar.PracticeCalendars;
import app.baton.calendar.SlaCalendar;
import app.baton.decision.DecisionResponse;
import app.baton.decision.ReplayRecord;
import app.baton.engine.CompiledRules;
import app.baton.engine.Evaluation;
import app.baton.engine.model.CaseInput;
import app.baton.review.ImpactTally.Outcome;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.stream.Stream;

/**
 * Replays recorded decisions against a candidate version, as the decision service would have
 * decided them: the stored evaluation instant, the practice calendar the request named (or the
 * configured default), the inputs rebuilt from the record. A decision whose version did not read
 * (and so did not keep) an input the candidate reads is not replayable: it is counted, not guessed.
 */
final class Replayer {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Replayer.class);

    private final CompiledRules candidate;
    private final PracticeCalendars calendars;
    private final IntFunction<Set<String>> inputsReadBy;
    private final ImpactTally tally;
    private static final List<String> UNKNOWN = List.of("(unknown)");

    private final Map<Integer, List<String>> missingByVersion = new HashMap<>();

    /** @param inputsReadBy the inputs a stored version reads, i.e. the inputs its records kept */
    Replayer(CompiledRules candidate, PracticeCalendars calendars, IntFunction<Set<String>> inputsReadBy, ImpactTally tally) {
        this.candidate = candidate;
        this.calendars = calendars;
        this.inputsReadBy = inputsReadBy;
        this.tally = tally;
    }

    void replay(ReplayRecord record) {
        String id = record.decisionId().toString();
        List<String> missing = missingByVersion.computeIfAbsent(record.ruleSetVersion(), this::notKept);
        if (missing == UNKNOWN) {
            tally.failed(id, record.taskId(), "version " + record.ruleSetVersion() + " cannot be compiled to learn which inputs it kept");
            return;
        }
        if (!missing.isEmpty()) {
            tally.notReplayable(id, record.taskId(), missing);
            return;
        }
        CaseInput input;
        SlaCalendar calendar;
        try {
            input = RecordedInputs.caseInput(record.inputs());
            calendar = calendars.calendar(input.practice() == null ? null : input.practice().timeZone(),
                    input.practice() == null ? null : input.practice().calendar(),
                    input.practice() == null ? null : input.practice().closures());
        } catch (RuntimeException e) {
            tally.failed(id, record.taskId(), "the recorded inputs cannot be read (" + e.getClass().getSimpleName() + ")");
            return;
        }
        Evaluation evaluation;
        try {
            evaluation = candidate.evaluate(input, record.asOf().atZoneSameInstant(calendar.zone()), calendar);
        } catch (RuntimeException e) {
            // The decision's id and the failure's stack for the operator; the inputs stay out of the log (PHI).
            log.warn("replaying decision {} against version {} failed", id, candidate.version(), e);
            tally.failed(id, record.taskId(), "a rule of the candidate failed (" + e.getClass().getSimpleName() + ")");
            return;
        }
        tally.replayed(id, record.taskId(), before(record.response(), calendar.zone()), after(evaluation, calendar.zone()));
    }

    /** The inputs the candidate reads that the records of {@code version} did not keep; UNKNOWN when it cannot be told. */
    private List<String> notKept(int version) {
        Set<String> kept;
        try {
            kept = inputsReadBy.apply(version);
        } catch (RuntimeException e) {
            // remembered per version, so a version that does not compile is tried once, not once per record
            return UNKNOWN;
        }
        return candidate.inputsRead().stream()
                .filter(field -> !kept.contains(field) && !RecordedInputs.ALWAYS_KEPT.contains(field))
                .sorted().toList();
    }

    private static Outcome before(DecisionResponse r, ZoneId zone) {
        return new Outcome(r.routing() == null ? null : r.routing().queue(),
                r.sla() == null || r.sla().dueAt() == null ? null : r.sla().dueAt().atZoneSameInstant(zone).toLocalDateTime(),
                sorted(list(r.missingInfo()).stream().map(DecisionResponse.MissingInfo::field)),
                sorted(list(r.nextBestActions()).stream().map(DecisionResponse.NextBestAction::code)),
                sorted(list(r.escalations()).stream().map(e -> step(e.level(), e.recipient()))));
    }

    private static Outcome after(Evaluation e, ZoneId zone) {
        return new Outcome(e.routing() == null ? null : e.routing().queue(), local(e.dueAt(), zone),
                sorted(e.missingInfo().stream().map(m -> m.field())),
                sorted(e.nextActions().stream().map(a -> a.code())),
                sorted(e.escalations().stream().map(s -> step(s.level(), s.recipient()))));
    }

    private static LocalDateTime local(ZonedDateTime time, ZoneId zone) {
        return time == null ? null : time.withZoneSameInstant(zone).toLocalDateTime();
    }

    private static String step(int level, String recipient) {
        return "level " + level + " → " + recipient;
    }

    private static List<String> sorted(Stream<String> items) {
        return items.sorted().toList();
    }

    private static <T> List<T> list(List<T> items) {
        return items == null ? List.of() : items;
    }
}
