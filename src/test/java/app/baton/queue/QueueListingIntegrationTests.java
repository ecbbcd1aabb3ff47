package app.baton.queue;

import app.baton.intake.Intake;

import app.baton.HttpJson;
import app.baton.WebIntegrationTest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Minimum necessary in work lists: a role pages through the queues it works (docs/security.md has the
 * table), not the behavioral health queue's diagnosis-bearing tasks, in the API and the console alike;
 * and every page shown is one audit entry naming the list, never one per task and never none.
 */
class QueueListingIntegrationTests extends WebIntegrationTest {

    private static final String BEHAVIORAL_HEALTH = "/api/v1/queues/BEHAVIORAL_HEALTH/tasks";

    @Autowired
    JdbcClient jdbc;

    @Test
    void billingFrontDeskAndLeadershipCannotPageThroughBehavioralHealth() {
        for (String user : new String[]{"billing", "frontdesk", "leader", "coordinator"}) {
            HttpJson.Response refused = http.asUser(user).get(BEHAVIORAL_HEALTH + "?limit=100");
            assertThat(refused.status()).as(user + ": " + refused.text()).isEqualTo(403);
            assertThat(refused.json().path("errors").get(0).path("field").asText()).isEqualTo("queue");
            assertThat(refused.text()).doesNotContain("pt-");

            HttpJson.Response page = http.asUser(user).get("/console/work/queues/BEHAVIORAL_HEALTH", "Accept", "text/html");
            assertThat(page.status()).as(user + " in the console").isEqualTo(403);
            assertThat(page.text()).doesNotContain("/console/tasks/");
        }
        assertThat(http.asUser("nurse").get(BEHAVIORAL_HEALTH).status()).isEqualTo(200);
        assertThat(http.asUser("clinlead").get(BEHAVIORAL_HEALTH).status()).isEqualTo(200);
    }

    @Test
    void myTasksListOnlyTheQueuesMyRolesList() {
        http.post("/api/v1/intake/discharges", Intake.tcmDischarge(Intake.newId(), "MAIN_CLINIC").replace("\"TCM\"", "\"FUH\""));

        JsonNode leader = http.asUser("leader").get("/api/v1/my/tasks?limit=100").json();
        JsonNode billing = http.asUser("billing").get("/api/v1/my/tasks?limit=100").json();

        assertThat(leader.path("tasks")).as("leadership works from the dashboards").isEmpty();
        assertThat(billing.path("tasks")).extracting(t -> t.path("queue").asText()).allMatch("AUTHORIZATIONS"::equals);
    }

    @Test
    void anUnknownQueueIsNamed() {
        HttpJson.Response response = http.asUser("nurse").get("/api/v1/queues/EVERYTHING/tasks");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("errors").get(0).path("field").asText()).isEqualTo("queue");
    }

    @Test
    void eachPageOfAListIsOneAuditEntryNamingTheQueueAndThePage() {
        for (int i = 0; i < 3; i++) {
            http.post("/api/v1/intake/discharges", Intake.tcmDischarge(Intake.newId(), "MAIN_CLINIC"));
        }
        long before = listReads("coordinator", "CARE_COORDINATION");

        JsonNode first = http.asUser("coordinator").get("/api/v1/queues/CARE_COORDINATION/tasks?limit=2&program=TCM").json();
        JsonNode second = http.asUser("coordinator")
                .get("/api/v1/queues/CARE_COORDINATION/tasks?limit=2&program=TCM&cursor=" + first.path("nextCursor").asText()).json();

        assertThat(listReads("coordinator", "CARE_COORDINATION")).isEqualTo(before + 2);
        JsonNode details = jdbc.sql("""
                        select details::text from audit_event where actor = 'coordinator' and object_type = 'task_list'
                        and object_id = 'CARE_COORDINATION' order by staged_number desc limit 1""")
                .query((rs, n) -> rs.getString(1)).single().transform(QueueListingIntegrationTests::json);
        assertThat(details.path("page").asText()).isEqualTo(first.path("nextCursor").asText());
        assertThat(details.path("program").asText()).isEqualTo("TCM");
        assertThat(details.path("tasks").asInt()).isEqualTo(second.path("tasks").size()).isPositive();

        long mine = jdbc.sql("select count(*) from audit_event where actor = 'nurse' and object_id = 'my-roles' and action = 'READ'")
                .query(Long.class).single();
        http.asUser("nurse").get("/api/v1/my/tasks");
        assertThat(jdbc.sql("select count(*) from audit_event where actor = 'nurse' and object_id = 'my-roles' and action = 'READ'")
                .query(Long.class).single()).isEqualTo(mine + 1);
    }

    @Test
    void readingTheExceptionReportIsAudited() {
        long before = jdbc.sql("select count(*) from audit_event where actor = 'leader' and object_type = 'exception_report' and action = 'READ'")
                .query(Long.class).single();

        assertThat(http.asUser("leader").get("/api/v1/dashboards/exceptions").status()).isEqualTo(200);

        assertThat(jdbc.sql("select count(*) from audit_event where actor = 'leader' and object_type = 'exception_report' and action = 'READ'")
                .query(Long.class).single()).isEqualTo(before + 1);
    }

    private static JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    private long listReads(String actor, String queue) {
        return jdbc.sql("select count(*) from audit_event where actor = :actor and object_type = 'task_list' and object_id = :queue")
                .param("actor", actor).param("queue", queue).query(Long.class).single();
    }
}
