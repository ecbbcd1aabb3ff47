package app.baton.scenario;

import app.baton.calendar.PracticeCalendars;
import app.baton.calendar.SlaCalendar;
import app.baton.engine.CompiledForm;
import app.baton.engine.CompiledRules;
import app.baton.engine.RuleCompiler;
import app.baton.engine.RuleFile;
import app.baton.engine.StarterFiles;
import app.baton.engine.model.CaseInput;
import org.junit.jupiter.api.Test;

import java.time.ZonedDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter pack loaded from its stored compiled form decides exactly as the pack compiled from its
 * files: the same scenario results and traces, and for every scenario's request the same decision (routing,
 * due date, missing information, next actions, escalations, fired rules) and the same plan.
 */
class LoadedRuleSetScenariosTests {

    @Test
    void theLoadedStarterPackDecidesEveryScenarioExactlyAsTheCompiledOne() {
        List<RuleFile> files = StarterFiles.load();
        RuleCompiler compiler = new RuleCompiler();
        PracticeCalendars calendars = PracticeCalendars.withDefaults();
        ScenarioRunner runner = new ScenarioRunner(calendars);
        try (CompiledRules compiled = compiler.compile("1", files)) {
            CompiledForm form = compiler.compiledForm(compiled, files);
            try (CompiledRules loaded = compiler.load("1", form, files)) {
                ScenarioReport fromFiles = runner.run(compiled, files);
                ScenarioReport fromForm = runner.run(loaded, files);
                assertThat(fromForm.results()).isEqualTo(fromFiles.results()).hasSizeGreaterThan(50);
                assertThat(fromForm.results()).allSatisfy(result -> assertThat(result.firedRules()).isNotEmpty());
                assertThat(fromForm.failures()).isEmpty();
                assertThat(fromForm.unexercised()).isEqualTo(fromFiles.unexercised()).isEmpty();

                int compared = 0;
                for (RuleFile file : files) {
                    if (!file.isScenario()) {
                        continue;
                    }
                    for (Scenario scenario : ScenarioFiles.read(file)) {
                        CaseInput.Practice practice = scenario.given().practice();
                        SlaCalendar calendar = calendars.calendar(practice == null ? null : practice.timeZone(),
                                practice == null ? null : practice.calendar(), practice == null ? null : practice.closures());
                        ZonedDateTime asOf = scenario.asOf().atZoneSameInstant(calendar.zone());
                        assertThat(loaded.evaluate(scenario.given(), asOf, calendar))
                                .as(scenario.file() + " #" + scenario.index())
                                .isEqualTo(compiled.evaluate(scenario.given(), asOf, calendar));
                        if (scenario.given().carePlan() != null) {
                            assertThat(loaded.plan(scenario.given().patient(), scenario.given().carePlan(), asOf))
                                    .as(scenario.file() + " #" + scenario.index() + " plan")
                                    .isEqualTo(compiled.plan(scenario.given().patient(), scenario.given().carePlan(), asOf));
                        }
                        compared++;
                    }
                }
                assertThat(compared).isEqualTo(fromFiles.results().size());
            }
        }
    }
}
