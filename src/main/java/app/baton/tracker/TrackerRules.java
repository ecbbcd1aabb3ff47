package app.baton.tracker;

import app.baton.calendar.PracticeCalendars;
import app.baton.calendar.SlaCalendar;
import app.baton.engine.CompiledRules;
import app.baton.engine.Evaluation;
import app.baton.engine.PlanEvaluation;
import app.baton.engine.RuleSource;
import app.baton.engine.model.CaseInput;
import app.baton.ruleset.ActiveRuleSet;
import app.baton.system.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The tracker's one way to the rules: the active version, the practice's calendar and the
 * injectable clock. Tasks are decided as the decision API decides them, on the facts the tracker
 * keeps, with the practice's default calendar.
 */
@Component
class TrackerRules {

    private static final Logger log = LoggerFactory.getLogger(TrackerRules.class);

    private final ActiveRuleSet active;
    private final PracticeCalendars calendars;
    private final Clock clock;

    TrackerRules(ActiveRuleSet active, PracticeCalendars calendars, Clock clock) {
        this.active = active;
        this.calendars = calendars;
        this.clock = clock;
    }

    /** Whether a rule set is loaded: not yet while the instance starts. */
    boolean ready() {
        return active.find().isPresent();
    }

    CompiledRules current() {
        return active.current();
    }

    SlaCalendar calendar() {
        return calendars.calendar(null, null);
    }

    ZonedDateTime now() {
        return clock.instant().atZone(calendar().zone());
    }

    PlanEvaluation plan(CompiledRules rules, CaseFacts facts) {
        return rules.plan(facts.program(), facts.complexity(), now());
    }

    /** Decides one task of a plan (or of a held intake) as of now. */
    Decided decide(CompiledRules rules, CaseFacts facts, String planId, TaskRow task, ZonedDateTime asOf) {
        return decide(rules, input(facts, planId, task), asOf);
    }

    /** What the rules are asked about a task: the kept facts of its plan (or held intake) and the task itself. */
    static CaseInput input(CaseFacts facts, String planId, TaskRow task) {
        CaseInput.Task t = new CaseInput.Task(task.id().toString(), task.type(), task.status(), task.priority(), task.createdAt(),
                task.statusSince(), task.attempts(), task.submittedAt());
        return new CaseInput(null, facts.patient(), facts.carePlan(planId, task.stage()), t);
    }

    Decided decide(CompiledRules rules, CaseInput input, ZonedDateTime asOf) {
        Evaluation e;
        try {
            e = rules.evaluate(input, asOf, calendar());
        } catch (RuntimeException failure) {
            log.error("rule set version {} failed on task type {}", rules.version(), input.task().type(), failure);
            throw new ApiException(HttpStatus.INTERNAL_SERVER_ERROR, "rule-evaluation-failed", "A rule failed",
                    "a rule of version " + rules.version() + " failed while deciding; nothing was changed; quote the correlation id");
        }
        Decided.NextStep next = e.nextActions().isEmpty() ? null : e.nextActions().stream().findFirst()
                .map(a -> new Decided.NextStep(a.code(), a.prompt(), a.rule(), source(rules, a.rule()))).orElseThrow();
        List<Decided.Flag> flags = e.missingInfo().stream()
                .map(m -> new Decided.Flag(m.field(), m.reason(), m.rule(), source(rules, m.rule()))).toList();
        List<Decided.Trace> trace = new LinkedHashSet<>(e.firedRules()).stream()
                .map(rule -> new Decided.Trace(rule, source(rules, rule))).toList();
        OffsetDateTime due = e.dueAt() == null ? null : e.dueAt().toOffsetDateTime();
        return new Decided(Integer.parseInt(rules.version()), e.routing() == null ? null : e.routing().queue(),
                e.routing() == null ? null : e.routing().role(), e.routing() == null ? null : e.routing().rule(), due, e.slaBasis(), e.slaRule(), next, flags, trace);
    }

    static String source(CompiledRules rules, String rule) {
        return rule == null ? null : rules.source(rule).map(RuleSource::describe).orElse(null);
    }
}
