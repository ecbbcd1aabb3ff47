package app.baton.scenario;

import app.baton.calendar.PracticeCalendars;
import app.baton.engine.CompiledRules;
import app.baton.engine.RuleCompiler;
import app.baton.engine.RuleFile;
import app.baton.engine.StarterFiles;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The build's gate on the starter rule pack: every scenario in test-scenarios/ passes, and every
 * table row and DRL rule is fired by at least one scenario.
 */
class StarterPackScenariosTests {

    @Test
    void everyScenarioPassesAndEveryRuleIsExercised() {
        List<RuleFile> files = StarterFiles.load();
        try (CompiledRules rules = new RuleCompiler().compile("starter", files)) {
            ScenarioReport report = new ScenarioRunner(PracticeCalendars.withDefaults()).run(rules, files);

            assertThat(report.results()).as("scenarios found").isNotEmpty();
            assertThat(report.failures()).as(report.summary()).isEmpty();
            assertThat(report.unexercised()).as(report.summary()).isEmpty();
        }
    }
}
