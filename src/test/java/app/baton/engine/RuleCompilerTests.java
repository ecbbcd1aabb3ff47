package app.baton.engine;

import app.baton.calendar.PracticeCalendars;
import app.baton.engine.model.CaseInput;
import app.baton.engine.model.Complexity;
import app.baton.engine.model.Priority;
import app.baton.engine.model.Program;
import app.baton.engine.model.Stage;
import app.baton.engine.model.TaskStatus;
import app.baton.engine.model.TaskType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

import static org.assertj.core.api.Assertions.assertThat;

class RuleCompilerTests {

    static CompiledRules rules;
    static final PracticeCalendars calendars = PracticeCalendars.withDefaults();

    @BeforeAll
    static void compile() {
        rules = new RuleCompiler().compile("test", StarterFiles.load());
    }

    @AfterAll
    static void close() {
        rules.close();
    }

    static CaseInput apiExample() {
        return apiExample(TaskType.TCM_INTERACTIVE_CONTACT);
    }

    static CaseInput apiExample(TaskType type) {
        return new CaseInput(new CaseInput.Practice("America/New_York", "US_FEDERAL"),
                new CaseInput.Patient("pt-1001", "MEDICARE", "1EG4-TE5-MK72", "en", "MAIN_CLINIC", true),
                new CaseInput.CarePlan("cp-2001", Program.TCM, Stage.COORDINATION, Complexity.HIGH,
                        OffsetDateTime.parse("2026-03-09T08:00:00-04:00"), null, null, null, null, null),
                new CaseInput.Task("t-3001", type, TaskStatus.NEW, Priority.ROUTINE,
                        OffsetDateTime.parse("2026-03-09T08:05:00-04:00"), OffsetDateTime.parse("2026-03-09T08:05:00-04:00"), 0, null));
    }

    @Test
    void knowsWhichRequestFieldsTheStarterPackReads() {
        assertThat(rules.inputsRead()).contains("carePlan.program", "carePlan.dischargeAt", "carePlan.periodStart",
                "task.type", "task.status", "task.attempts", "task.statusSince", "task.submittedAt", "task.createdAt",
                "patient.language", "patient.location", "patient.payer", "patient.memberId", "patient.consentOnFile",
                "carePlan.referralReason", "carePlan.referringProvider", "carePlan.minutesThisPeriod", "carePlan.faceToFaceAt",
                "patient.lineOfBusiness", "patient.ccmConsentOnFile", "carePlan.itemKind");
    }

    @Test
    void aRuleSetReadsOnlyWhatItsRulesName() {
        RuleFile onlyRouting = new RuleFile("rules/app/baton/engine/model/only.drl", """
                package app.baton.engine.model;
                unit TaskDecisionUnit;

                rule "Everything goes to triage"
                when
                    $t: /tasks[ program == "GENERAL" ]
                then
                    $t.routeTo("TRIAGE");
                end
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        try (CompiledRules small = new RuleCompiler(ShippedRules.of(java.util.List.of(onlyRouting))).compile("small", java.util.List.of(onlyRouting))) {
            assertThat(small.inputsRead()).containsExactly("carePlan.program");
        }
    }

    @Test
    void decidesTheWorkedExampleOfTheDecisionApi() {
        Evaluation result = rules.evaluate(apiExample(), ZonedDateTime.parse("2026-03-09T10:15:00-04:00"),
                calendars.calendar("America/New_York", "US_FEDERAL"));

        assertThat(result.routing().queue()).isEqualTo("CARE_COORDINATION");
        assertThat(result.routing().role()).isEqualTo("CARE_COORDINATOR");
        assertThat(result.dueAt()).isEqualTo(ZonedDateTime.parse("2026-03-11T23:59:59-04:00"));
        assertThat(result.slaBasis()).isEqualTo("2 business days after discharge");
        assertThat(result.missingInfo()).isEmpty();
        assertThat(result.nextActions()).extracting(a -> a.code()).containsExactly("CALL_PATIENT");
        assertThat(result.escalations()).isEmpty();
        assertThat(rules.source(result.routing().rule()).orElseThrow().describe())
                .isEqualTo("decision-tables/app/baton/engine/model/routing.drl.xlsx#Routing!row 28");
    }
}
