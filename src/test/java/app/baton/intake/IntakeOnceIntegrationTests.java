package app.baton.intake;

import app.baton.HttpJson;
import app.baton.WebIntegrationTest;
import app.baton.decision.TaskDecisions;
import app.baton.engine.model.CaseInput;
import app.baton.engine.model.Stage;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.mockito.invocation.Invocation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An intake decides each of its tasks once and writes its row once (issue 11, item 6). Every evaluation of a task goes
 * through {@link TaskDecisions}' one evaluation (the decision API's too), which this test watches; the intakes here use
 * patient ids of their own, so what other threads evaluate meanwhile does not count. That the intake row is written
 * once is read from PostgreSQL's system columns: the row version that is visible was made by the first statement of its
 * transaction that wrote anything ({@code cmin} 0: an insert followed by any update in the same transaction leaves a
 * version with a later command id) and in the transaction that made the plan and its tasks ({@code xmin}).
 */
class IntakeOnceIntegrationTests extends WebIntegrationTest {

    @MockitoSpyBean
    TaskDecisions decisions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aDischargeDecidesEachTemplateTaskOnceAndBuildsItsPlanFromThoseDecisions() {
        String sourceId = Intake.newId();
        String patient = "pt-" + sourceId;
        HttpJson.Response intake = http.post("/api/v1/intake/discharges", Intake.tcmDischargeWithoutMemberIdOrLanguage(sourceId));
        assertThat(intake.status()).as(intake.text()).isEqualTo(201);
        assertThat(intake.json().path("status").asText()).isEqualTo("RELEASED");
        assertThat(intake.json().path("missingInfo")).extracting(m -> m.path("field").asText())
                .as("the language is asked for at the INTAKE stage, as before").containsExactly("patient.memberId", "patient.language");
        UUID planId = UUID.fromString(intake.json().path("planId").asText());
        UUID flagId = UUID.fromString(intake.json().path("heldTaskId").asText());

        List<CaseInput> asked = evaluations(patient);
        Map<String, Long> perTask = asked.stream().collect(Collectors.groupingBy(in -> in.task().id(), Collectors.counting()));
        List<String> planTasks = jdbc.sql("select id::text from task where plan_id = :plan order by position")
                .param("plan", planId).query(String.class).list();
        assertThat(planTasks).as("the TCM template's three tasks").hasSize(3);
        assertThat(asked).as("three template tasks and the intake's own task, each once").hasSize(4);
        assertThat(perTask).containsOnlyKeys(concat(planTasks, flagId.toString())).allSatisfy((task, times) -> assertThat(times).isEqualTo(1));
        assertThat(asked).filteredOn(in -> in.task().id().equals(flagId.toString()))
                .extracting(in -> in.carePlan().stage()).containsExactly(Stage.INTAKE);
        assertThat(asked).filteredOn(in -> planTasks.contains(in.task().id()))
                .extracting(in -> in.carePlan().stage()).as("the plan's tasks, at the stage they are stored in").containsOnly(Stage.COORDINATION);

        // Each task points at its one decision, the one that was evaluated: recorded, and made at the intake.
        for (String task : concat(planTasks, flagId.toString())) {
            List<Map<String, Object>> recorded = jdbc.sql("""
                    select d.id, d.asked_by from decision d join task t on t.decision_id = d.id and t.due_decision_id = d.id
                    where t.id = cast(:task as uuid) and d.task_id = :task""").param("task", task).query().listOfRows();
            assertThat(recorded).as("task " + task).hasSize(1);
            assertThat(recorded.get(0).get("asked_by")).isEqualTo("INTAKE");
            assertThat(jdbc.sql("select count(*) from decision where task_id = :task").param("task", task).query(Long.class).single())
                    .isEqualTo(1L);
        }

        assertWrittenOnce(UUID.fromString(intake.json().path("id").asText()), "care_plan", planId);
        HttpJson.Response read = http.get("/api/v1/intake/" + intake.json().path("id").asText());
        assertThat(read.json()).as("the first answer, built before anything was written, is what is stored").isEqualTo(intake.json());
    }

    @Test
    void aHeldReferralStoresOnlyItsOwnTasksDecisionAndItsRowOnce() {
        String sourceId = Intake.newId();
        String patient = "pt-" + sourceId;
        HttpJson.Response held = http.post("/api/v1/intake/referrals", Intake.referralWithoutMemberId(sourceId));
        assertThat(held.status()).as(held.text()).isEqualTo(201);
        assertThat(held.json().path("status").asText()).isEqualTo("HELD");
        UUID heldTask = UUID.fromString(held.json().path("heldTaskId").asText());

        List<CaseInput> asked = evaluations(patient);
        assertThat(asked).as("the referral template's two tasks and the intake's own task").hasSize(3);
        assertThat(asked).extracting(in -> in.task().id()).doesNotHaveDuplicates().contains(heldTask.toString());
        assertThat(jdbc.sql("select count(*) from decision where inputs #>> '{patient,id}' = :patient")
                .param("patient", patient).query(Long.class).single())
                .as("no plan task yet: only the holding task's decision is recorded").isEqualTo(1L);
        assertWrittenOnce(UUID.fromString(held.json().path("id").asText()), "task", heldTask);

        HttpJson.Response read = http.get("/api/v1/intake/" + held.json().path("id").asText());
        assertThat(read.json()).isEqualTo(held.json());
    }

    @Test
    void aReplayAnswersTheStoredAnswerAndEvaluatesNothing() {
        String sourceId = Intake.newId();
        String patient = "pt-" + sourceId;
        String body = Intake.tcmDischarge(sourceId, "MAIN_CLINIC");
        HttpJson.Response first = http.post("/api/v1/intake/discharges", body);
        assertThat(first.status()).as(first.text()).isEqualTo(201);
        int evaluated = evaluations(patient).size();
        long recorded = decisionsOf(patient);

        HttpJson.Response again = http.post("/api/v1/intake/discharges", body);
        HttpJson.Response reused = http.post("/api/v1/intake/discharges", Intake.tcmDischarge(sourceId, "SATELLITE_CLINIC"));

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(reused.status()).isEqualTo(422);
        assertThat(evaluations(patient)).as("a replay, and a refused reuse of the source id, evaluate nothing").hasSize(evaluated);
        assertThat(decisionsOf(patient)).isEqualTo(recorded);
    }

    @Test
    void twoIdenticalIntakesAtOnceMakeOnePlanAndTheTwinEvaluatesNothing() throws Exception {
        String sourceId = Intake.newId();
        String patient = "pt-" + sourceId;
        String body = Intake.tcmDischarge(sourceId, "MAIN_CLINIC");
        int twins = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(twins);
        List<HttpJson.Response> answers = new ArrayList<>();
        try {
            List<Future<HttpJson.Response>> sent = new ArrayList<>();
            for (int i = 0; i < twins; i++) {
                Callable<HttpJson.Response> send = () -> {
                    start.await();
                    return http.post("/api/v1/intake/discharges", body);
                };
                sent.add(pool.submit(send));
            }
            start.countDown();
            for (Future<HttpJson.Response> answer : sent) {
                answers.add(answer.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(answers).extracting(HttpJson.Response::status).containsOnly(200, 201).filteredOn(s -> s == 201).hasSize(1);
        assertThat(answers).extracting(a -> a.json().path("id").asText()).containsOnly(answers.get(0).json().path("id").asText());
        assertThat(answers).extracting(a -> a.json().path("planId").asText()).doesNotContain("", "null");
        assertThat(jdbc.sql("select count(*) from care_plan where patient_id = :patient").param("patient", patient)
                .query(Long.class).single()).isEqualTo(1L);
        assertThat(evaluations(patient)).as("the twins waited for the first and evaluated nothing: 3 tasks and the intake's own")
                .hasSize(4);
    }

    /**
     * The intake row's visible version was written by the first statement of its transaction that wrote anything and
     * never again, in the transaction that wrote {@code table}'s row {@code id} (the plan, or the holding task).
     */
    private void assertWrittenOnce(UUID intakeId, String table, UUID id) {
        Map<String, Object> intake = jdbc.sql("select xmin::text as xmin, cmin::text::int as cmin from intake where id = :id")
                .param("id", intakeId).query().singleRow();
        Map<String, Object> written = jdbc.sql("select xmin::text as xmin, cmin::text::int as cmin from " + table + " where id = :id")
                .param("id", id).query().singleRow();
        assertThat(intake.get("xmin")).as("the intake and its " + table + " commit together").isEqualTo(written.get("xmin"));
        assertThat(intake.get("cmin")).as("the intake row is its transaction's first write, never written again").isEqualTo(0);
        assertThat((Integer) written.get("cmin")).isGreaterThan(0);
    }

    /** The inputs of every task evaluation made for this patient so far, in order. */
    private List<CaseInput> evaluations(String patient) {
        List<CaseInput> asked = new ArrayList<>();
        for (Invocation invocation : Mockito.mockingDetails(decisions).getInvocations()) {
            // the one evaluation every decision goes through (the public one delegates to it)
            if (invocation.getMethod().getName().equals("evaluate") && invocation.getMethod().getParameterCount() == 7
                    && invocation.getArguments()[1] instanceof CaseInput input && input.patient() != null
                    && patient.equals(input.patient().id())) {
                asked.add(input);
            }
        }
        return asked;
    }

    private long decisionsOf(String patient) {
        return jdbc.sql("select count(*) from decision where inputs #>> '{patient,id}' = :patient")
                .param("patient", patient).query(Long.class).single();
    }

    private static List<String> concat(List<String> list, String one) {
        List<String> all = new ArrayList<>(list);
        all.add(one);
        return all;
    }
}
