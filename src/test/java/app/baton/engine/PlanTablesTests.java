package app.baton.engine;

import app.baton.engine.model.ClosureItem;
import app.baton.engine.model.Complexity;
import app.baton.engine.model.DischargeDestination;
import app.baton.engine.model.DischargeSetting;
import app.baton.engine.model.PlanStep;
import app.baton.engine.model.Program;
import app.baton.engine.model.TaskType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.ZonedDateTime;
import java.util.List;

import static app.baton.engine.Bundles.problems;
import static app.baton.engine.Bundles.starterWith;
import static org.assertj.core.api.Assertions.assertThat;

/** The plan template and closure checklist tables, compiled from the starter pack without Spring. */
class PlanTablesTests {

    static final String TEMPLATE = Bundles.MODEL + "plan-template.drl.xlsx";
    static final String CHECKLIST = Bundles.MODEL + "closure-checklist.drl.xlsx";
    static final ZonedDateTime AS_OF = ZonedDateTime.parse("2026-03-09T10:15:00-04:00[America/New_York]");
    static CompiledRules rules;

    @BeforeAll
    static void compile() {
        rules = new RuleCompiler().compile("starter", StarterFiles.load());
    }

    @AfterAll
    static void close() {
        rules.close();
    }

    @Test
    void tcmTemplateGivesThreeTasksInRowOrderAllStartingAtOnce() {
        PlanEvaluation plan = rules.plan(Program.TCM, Complexity.HIGH, AS_OF);

        assertThat(plan.steps()).containsExactly(
                new PlanStep(TaskType.TCM_INTERACTIVE_CONTACT, null, "PlanTemplate_15"),
                new PlanStep(TaskType.TCM_FACE_TO_FACE, null, "PlanTemplate_16"),
                new PlanStep(TaskType.MEDICATION_RECONCILIATION, null, "PlanTemplate_17"));
        assertThat(plan.checklist()).extracting(ClosureItem::taskType, ClosureItem::rule).containsExactly(
                org.assertj.core.groups.Tuple.tuple(TaskType.TCM_INTERACTIVE_CONTACT, "ClosureChecklist_11"),
                org.assertj.core.groups.Tuple.tuple(TaskType.TCM_FACE_TO_FACE, "ClosureChecklist_12"),
                org.assertj.core.groups.Tuple.tuple(TaskType.MEDICATION_RECONCILIATION, "ClosureChecklist_13"));
        assertThat(rules.source("PlanTemplate_16").orElseThrow().describe()).isEqualTo(TEMPLATE + "#PlanTemplate!row 16");
        assertThat(plan.notEligible()).isNull();
    }

    @Test
    void anEmergencyDepartmentVisitMakesNoTcmPlanAndSaysWhy() {
        PlanEvaluation plan = rules.plan(Program.TCM, Complexity.HIGH, DischargeSetting.EMERGENCY_DEPARTMENT, DischargeDestination.HOME,
                AS_OF);

        assertThat(plan.steps()).isEmpty();
        assertThat(plan.notEligible()).startsWith("An emergency department visit is not a TCM discharge");
        assertThat(plan.firedRules()).contains("PlanTemplate_11");
    }

    @Test
    void anUnknownDischargeSettingInTheTemplateIsNamedByCell() {
        List<CompileProblem> problems = problems(starterWith(TEMPLATE, wb -> Workbooks.cell(wb, "C11").setCellValue("ER")));

        assertThat(problems).extracting(CompileProblem::location).containsExactly(TEMPLATE + "#PlanTemplate!C11");
        assertThat(problems.get(0).message()).startsWith("'ER' is not a known discharge setting");
    }

    @Test
    void aPlanFiresNoTaskRulesAndATaskFiresNoPlanRules() {
        PlanEvaluation plan = rules.plan(Program.GENERAL, null, AS_OF);

        assertThat(plan.firedRules()).containsExactlyInAnyOrder("PlanTemplate_26", "ClosureChecklist_19");
    }

    @Test
    void anUnknownTaskTypeInTheTemplateIsNamedByCell() {
        List<CompileProblem> problems = problems(starterWith(TEMPLATE, wb -> Workbooks.cell(wb, "J16").setCellValue("TCM_FACE2FACE")));

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).location()).isEqualTo(TEMPLATE + "#PlanTemplate!J16");
        assertThat(problems.get(0).message()).startsWith("'TCM_FACE2FACE' is not a known task type");
    }

    @Test
    void theSameTaskTwiceForOneProgramIsReportedAsTwoAnswers() {
        List<CompileProblem> problems = problems(starterWith(CHECKLIST, wb -> Workbooks.cell(wb, "B12").setCellValue("TCM_INTERACTIVE_CONTACT")));

        assertThat(problems).extracting(CompileProblem::location).containsExactly(CHECKLIST + "#ClosureChecklist!row 12");
    }
}
