package app.baton.engine;

import app.baton.calendar.PracticeCalendars;
import app.baton.engine.model.TaskType;
import app.baton.scenario.ScenarioReport;
import app.baton.scenario.ScenarioRunner;
import org.apache.poi.ss.usermodel.CellStyle;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;

import static app.baton.engine.Bundles.ROUTING;
import static app.baton.engine.Bundles.problems;
import static org.assertj.core.api.Assertions.assertThat;

/** Rows with DATE-EFFECTIVE / DATE-EXPIRES follow the decision's as-of date on the practice's calendar, not the clock. */
class EffectiveDatesTests {

    /** From 1 April 2026, TCM contact tasks move from nursing to care coordination. */
    private static byte[] handOver(String expires, String effective) {
        return Workbooks.sheet("Routing", new String[][] {
                {"RuleSet", "app.baton.engine.model"},
                {"Unit", "TaskDecisionUnit"},
                {},
                {"RuleTable DatedRouting"},
                {"CONDITION", "ACTION", "ACTION", "DATE-EFFECTIVE", "DATE-EXPIRES", "ACTIVATION-GROUP"},
                {"$t: /tasks", "", "", "", "", ""},
                {"taskType == \"$param\"", "$t.routeTo(\"$param\");", "$t.ownedBy(\"$param\");", "", "", ""},
                {"Task type", "Queue", "Role", "Effective from", "Expires", "First match wins"},
                {"TCM_INTERACTIVE_CONTACT", "NURSING", "CLINICAL_STAFF", "", expires, "routing"},
                {"TCM_INTERACTIVE_CONTACT", "CARE_COORDINATION", "CARE_COORDINATOR", effective, "", "routing"},
        });
    }

    private static String queueAt(CompiledRules rules, String asOf) {
        return rules.evaluate(RuleCompilerTests.apiExample(TaskType.TCM_INTERACTIVE_CONTACT), ZonedDateTime.parse(asOf),
                PracticeCalendars.withDefaults().calendar("America/New_York", "US_FEDERAL")).routing().queue();
    }

    @Test
    void rowsHandOverAtMidnightOfThePracticeOnTheAsOfDate() {
        try (CompiledRules rules = new RuleCompiler().compile("dated", List.of(new RuleFile(ROUTING, handOver("2026-04-01", "2026-04-01"))))) {
            assertThat(queueAt(rules, "2026-03-31T23:59:00-04:00")).isEqualTo("NURSING");
            assertThat(queueAt(rules, "2026-04-01T03:30:00Z")).as("still 31 March in New York").isEqualTo("NURSING");
            assertThat(queueAt(rules, "2026-04-01T00:00:00-04:00")).isEqualTo("CARE_COORDINATION");
            assertThat(queueAt(rules, "2031-01-01T12:00:00-05:00")).isEqualTo("CARE_COORDINATION");
        }
    }

    @Test
    void dateCellsWorkAsWellAsTypedDates() {
        byte[] table = Workbooks.edit(handOver("", "2026-04-01"), wb -> {
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            var cell = Workbooks.cell(wb, "E9");
            cell.setCellValue(LocalDate.parse("2026-04-01"));
            cell.setCellStyle(date);
        });
        try (CompiledRules rules = new RuleCompiler().compile("dated", List.of(new RuleFile(ROUTING, table)))) {
            assertThat(queueAt(rules, "2026-03-31T12:00:00-04:00")).isEqualTo("NURSING");
            assertThat(queueAt(rules, "2026-04-01T12:00:00-04:00")).isEqualTo("CARE_COORDINATION");
        }
    }

    @Test
    void aRowThatExpiresIsNotShadowingTheRowThatFollowsIt() {
        byte[] undated = handOver("", "");
        assertThat(problems(List.of(new RuleFile(ROUTING, undated)))).singleElement()
                .satisfies(p -> assertThat(p.message()).startsWith("row 10 can never fire"));
    }

    @Test
    void dateThatIsNotADateNamesTheCell() {
        assertThat(problems(List.of(new RuleFile(ROUTING, handOver("end of March", "2026-04-01"))))).singleElement().satisfies(p -> {
            assertThat(p.cell()).isEqualTo("E9");
            assertThat(p.message()).isEqualTo("column E (Expires) needs a date such as 2026-04-01, not 'end of March'");
        });
    }

    @Test
    void rowThatExpiresBeforeItTakesEffectCanNeverFire() {
        byte[] table = Workbooks.edit(handOver("2026-04-01", "2026-04-01"), wb -> Workbooks.cell(wb, "D9").setCellValue("2026-05-01"));

        assertThat(problems(List.of(new RuleFile(ROUTING, table)))).singleElement().satisfies(p -> {
            assertThat(p.cell()).isEqualTo("row 9");
            assertThat(p.message()).contains("effective from 2026-05-01 but expiring on 2026-04-01");
        });
    }

    @Test
    void scenariosPinBothSidesOfTheHandOver() {
        List<RuleFile> files = List.of(new RuleFile(ROUTING, handOver("2026-04-01", "2026-04-01")),
                new RuleFile("test-scenarios/hand-over.yaml", """
                        defaults:
                          practice: { timeZone: America/New_York, calendar: US_FEDERAL }
                          carePlan: { id: cp-1, program: TCM, dischargeAt: "2026-03-30T08:00:00-04:00" }
                          task: { id: t-1, type: TCM_INTERACTIVE_CONTACT, status: NEW }
                        scenarios:
                          - description: The last evening before the hand-over, nursing still takes the call.
                            given: { asOf: "2026-03-31T22:00:00-04:00" }
                            expect: { queue: NURSING, role: CLINICAL_STAFF }
                          - description: From 1 April care coordination takes it.
                            given: { asOf: "2026-04-01T08:00:00-04:00" }
                            expect: { queue: CARE_COORDINATION, role: CARE_COORDINATOR }
                        """.getBytes(StandardCharsets.UTF_8)));
        try (CompiledRules rules = new RuleCompiler().compile("dated", files)) {
            ScenarioReport report = new ScenarioRunner(PracticeCalendars.withDefaults()).run(rules, files);

            assertThat(report.clean()).as(report.summary()).isTrue();
            assertThat(report.results()).hasSize(2);
        }
    }
}
