package app.baton.ruleset;

import app.baton.calendar.PracticeCalendars;
import app.baton.engine.CompileProblem;
import app.baton.engine.CompiledRules;
import app.baton.engine.RuleFile;
import app.baton.scenario.ScenarioFormatException;
import app.baton.scenario.ScenarioReport;
import app.baton.scenario.ScenarioRunner;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The test gate: a version's scenarios run against the version itself. A version passes when every
 * scenario passes and every rule (every table row) is exercised by at least one scenario.
 */
@Component
class TestGate {

    private final ScenarioRunner runner;
    private final Map<String, LongAdder> runs = new ConcurrentHashMap<>();

    TestGate(PracticeCalendars calendars) {
        this.runner = new ScenarioRunner(calendars);
    }

    /** Runs the scenarios among {@code files}; a scenario file that cannot be read rejects the upload. */
    ScenarioReport run(CompiledRules rules, List<RuleFile> files) {
        runs.computeIfAbsent(rules.version(), version -> new LongAdder()).increment();
        try {
            return runner.run(rules, files);
        } catch (ScenarioFormatException e) {
            throw new RuleSetRejectedException("a scenario file cannot be read; nothing was stored",
                    List.of(new CompileProblem(e.file(), null, null, e.line(), plain(e))));
        }
    }

    /**
     * How often this instance ran the scenarios on a compiled copy labelled {@code version} (a version's number;
     * an upload's candidate is labelled {@code candidate} until it is stored): what warming ahead and the
     * activation's check save can be counted.
     */
    long runs(String version) {
        LongAdder count = runs.get(version);
        return count == null ? 0 : count.sum();
    }

    /** The message without the file and line, which the problem carries itself. */
    private static String plain(ScenarioFormatException e) {
        String message = e.getMessage();
        String prefix = e.file() + ": " + (e.line() == null ? "" : "line " + e.line() + ": ");
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }
}
