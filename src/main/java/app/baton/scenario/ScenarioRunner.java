package app.baton.scenario;

import app.baton.calendar.PracticeCalendars;
import app.baton.calendar.SlaCalendar;
import app.baton.engine.CompiledRules;
import app.baton.engine.Evaluation;
import app.baton.engine.PlanEvaluation;
import app.baton.engine.RuleFile;
import app.baton.engine.RuleSource;
import app.baton.engine.model.CaseInput;
import app.baton.engine.model.EscalationStep;
import app.baton.engine.model.MissingInfo;
import app.baton.engine.model.NextAction;
import app.baton.engine.model.PlanStep;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Runs a rule set version's scenarios against it and reports results and unexercised rules. */
public final class ScenarioRunner {

    private final PracticeCalendars calendars;

    public ScenarioRunner(PracticeCalendars calendars) {
        this.calendars = calendars;
    }

    public ScenarioReport run(CompiledRules rules, List<RuleFile> files) {
        List<ScenarioResult> results = new ArrayList<>();
        Set<String> fired = new HashSet<>();
        for (RuleFile file : files) {
            if (!file.isScenario()) {
                continue;
            }
            for (Scenario scenario : ScenarioFiles.read(file)) {
                ScenarioResult result = run(rules, scenario);
                fired.addAll(result.firedRules());
                results.add(result);
            }
        }
        Map<String, RuleSource> unexercised = new LinkedHashMap<>();
        rules.rules().entrySet().stream()
                .filter(rule -> !fired.contains(rule.getKey()))
                .sorted(Comparator.comparing((Map.Entry<String, RuleSource> rule) -> rule.getValue().file())
                        .thenComparingInt(rule -> rule.getValue().row()))
                .forEach(rule -> unexercised.put(rule.getKey(), rule.getValue()));
        return new ScenarioReport(results, unexercised);
    }

    ScenarioResult run(CompiledRules rules, Scenario scenario) {
        List<String> failures = new ArrayList<>();
        Evaluation result;
        PlanEvaluation plan = null;
        try {
            CaseInput.Practice practice = scenario.given().practice();
            SlaCalendar calendar = calendars.calendar(practice == null ? null : practice.timeZone(),
                    practice == null ? null : practice.calendar(), practice == null ? null : practice.closures());
            result = rules.evaluate(scenario.given(), scenario.asOf().atZoneSameInstant(calendar.zone()), calendar);
            if (scenario.expect().checksPlan()) {
                plan = rules.plan(scenario.given().patient(), scenario.given().carePlan(),
                        scenario.asOf().atZoneSameInstant(calendar.zone()));
            }
        } catch (RuntimeException e) {
            return new ScenarioResult(scenario.file(), scenario.index(), scenario.description(),
                    List.of("the rules failed: " + e.getMessage()), List.of());
        }
        Scenario.Expect expect = scenario.expect();
        check(failures, "queue", expect.queue(), result.routing() == null ? null : result.routing().queue());
        check(failures, "role", expect.role(), result.routing() == null ? null : result.routing().role());
        if (expect.dueAt() != null) {
            boolean same = result.dueAt() != null && result.dueAt().toInstant().equals(expect.dueAt().toInstant());
            if (!same) {
                failures.add("dueAt: expected " + expect.dueAt() + " but was " + result.dueAt());
            }
        }
        check(failures, "slaBasis", expect.slaBasis(), result.slaBasis());
        check(failures, "missingInfo", sorted(expect.missingInfo()),
                sorted(result.missingInfo().stream().map(MissingInfo::field).toList()), expect.missingInfo() != null);
        check(failures, "nextBestActions", expect.nextBestActions(),
                result.nextActions().stream().map(NextAction::code).toList(), expect.nextBestActions() != null);
        if (expect.closesTaskAs() != null) {
            String closes = result.nextActions().stream().map(NextAction::closeAs).filter(Objects::nonNull).map(Enum::name)
                    .findFirst().orElse(Scenario.Expect.STAYS_OPEN);
            check(failures, "closesTaskAs", expect.closesTaskAs(), closes);
        }
        check(failures, "escalations", expect.escalations(),
                result.escalations().stream().map(ScenarioRunner::describe).toList(), expect.escalations() != null);
        List<String> fired = new ArrayList<>(result.firedRules());
        if (plan != null) {
            check(failures, "planSteps", expect.planSteps(), plan.steps().stream().map(ScenarioRunner::describe).toList(),
                    expect.planSteps() != null);
            check(failures, "notEligible", expect.notEligible(), plan.notEligible());
            check(failures, "closureChecklist", expect.closureChecklist(),
                    plan.checklist().stream().map(item -> item.taskType().name()).toList(), expect.closureChecklist() != null);
            fired.addAll(plan.firedRules());
        }
        return new ScenarioResult(scenario.file(), scenario.index(), scenario.description(), failures, fired);
    }

    /** A plan step as a scenario writes it: {@code TCM_FACE_TO_FACE after TCM_INTERACTIVE_CONTACT}, {@code CCM_MONTHLY_REVIEW after CCM_CONSENT every month}. */
    private static String describe(PlanStep step) {
        String described = step.after() == null ? step.taskType().name() : step.taskType() + " after " + step.after();
        return step.monthly() ? described + " every month" : described;
    }

    private static String describe(EscalationStep step) {
        return step.level() + " " + step.recipient();
    }

    private static List<String> sorted(List<String> values) {
        return values == null ? null : values.stream().sorted().toList();
    }

    private static void check(List<String> failures, String what, Object expected, Object actual) {
        check(failures, what, expected, actual, expected != null);
    }

    private static void check(List<String> failures, String what, Object expected, Object actual, boolean written) {
        if (written && !Objects.equals(expected, actual)) {
            failures.add(what + ": expected " + expected + " but was " + actual);
        }
    }
}
