package app.baton.reevaluation;

import app.baton.WebIntegrationTest;
import app.baton.decision.TaskDecisions;
import app.baton.engine.model.CaseInput;
import app.baton.intake.Intake;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.mockito.invocation.Invocation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Applying a re-evaluation evaluates each open task once: the decision it compares with the task is the decision it
 * records and the task points at (same version, same inputs, same rows), not a second evaluation of the same task
 * (issue 11). Every evaluation goes through {@link TaskDecisions}' one evaluation, which this test watches, for tasks
 * at a location of their own.
 */
class ReEvaluationOnceIntegrationTests extends WebIntegrationTest {

    @MockitoSpyBean
    TaskDecisions decisions;

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ReEvaluations reEvaluations;
    @Autowired
    ReEvaluationRuns runs;

    @Test
    void eachOpenTaskIsEvaluatedOnceAndThatDecisionIsTheOneRecorded() {
        String location = "ONCE_CLINIC_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String planId = http.post("/api/v1/intake/discharges", Intake.tcmDischarge(Intake.newId(), location)).json().path("planId").asText();
        // more than a page of open tasks: copies of the plan's contact task, each with a due date an older version set
        jdbc.sql("""
                insert into task
                select r.* from task t cross join generate_series(1, :copies) g,
                lateral jsonb_populate_record(null::task, to_jsonb(t) || jsonb_build_object('id', gen_random_uuid(), 'position', t.position + g)) r
                where t.plan_id = cast(:plan as uuid) and t.task_type = 'TCM_INTERACTIVE_CONTACT'
                """).param("plan", planId).param("copies", ReEvaluations.PAGE + 20).update();
        jdbc.sql("update task set due_at = due_at + interval '5 days', due_rule_set_version = 0 where location = :location and due_at is not null")
                .param("location", location).update();
        List<String> open = jdbc.sql("select id::text from task where location = :location and status not in ('DONE', 'CANCELLED')")
                .param("location", location).query(String.class).list();
        List<String> moved = jdbc.sql("select id::text from task where location = :location and due_rule_set_version = 0")
                .param("location", location).query(String.class).list();
        assertThat(moved).hasSizeGreaterThan(ReEvaluations.PAGE);
        UUID run = UUID.randomUUID();
        jdbc.sql("""
                insert into re_evaluation_run (id, rule_set_version, locations, requested_by, status, total)
                values (:id, 1, :location, 'clinlead', 'RUNNING', :total)
                """).param("id", run).param("location", location).param("total", open.size()).update();
        Mockito.clearInvocations(decisions);

        try {
            reEvaluations.finish(run);

            assertThat(runs.find(run).orElseThrow().status()).isEqualTo("COMPLETED");
            Map<String, Long> evaluated = evaluationsOf(open);
            assertThat(evaluated).as("every open task evaluated").containsOnlyKeys(open);
            assertThat(evaluated).as("each once").allSatisfy((task, times) -> assertThat(times).as(task).isEqualTo(1L));
            for (String task : moved) {
                List<Map<String, Object>> recorded = jdbc.sql("""
                        select d.id from decision d join task t on t.decision_id = d.id and t.due_decision_id = d.id
                        where t.id = cast(:task as uuid) and d.task_id = :task and d.asked_by = 'RE_EVALUATION'
                        """).param("task", task).query().listOfRows();
                assertThat(recorded).as("task " + task + " points at its one re-evaluation decision").hasSize(1);
            }
        } finally {
            // the copies leave no open work behind for the suite's other tests
            jdbc.sql("update task set status = 'CANCELLED' where location = :location").param("location", location).update();
        }
    }

    /** How often each of these tasks was evaluated since the invocations were cleared. */
    private Map<String, Long> evaluationsOf(List<String> ids) {
        Set<String> tasks = Set.copyOf(ids);
        return Mockito.mockingDetails(decisions).getInvocations().stream()
                // the one evaluation every decision goes through (the public one delegates to it)
                .filter(invocation -> invocation.getMethod().getName().equals("evaluate") && invocation.getMethod().getParameterCount() == 7)
                .map(Invocation::getArguments)
                .filter(arguments -> arguments[1] instanceof CaseInput input && input.task() != null && tasks.contains(input.task().id()))
                .collect(Collectors.groupingBy(arguments -> ((CaseInput) arguments[1]).task().id(), Collectors.counting()));
    }
}
