package app.baton.task;

import app.baton.intake.Intake;

import app.baton.HttpJson;
import app.baton.WebIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * POST /api/v1/tasks/{id}/owner gives a task only to a person who can work it: an enabled user holding the role the
 * routing table gave the task, at the task's location. Anyone else is a 422 naming the field {@code user}, the name
 * sent is not repeated, and the task is not changed.
 */
class TaskOwnerIntegrationTests extends WebIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void onlyAPersonWhoCanWorkTheQueueAtTheTasksLocationMayOwnIt() {
        String contact = contact("MAIN_CLINIC");
        HttpJson coordinator = http.asUser("coordinator");

        // No such user; a user without the queue's role (a nurse for care coordination); a coordinator of another location.
        String elsewhere = "coord-" + UUID.randomUUID().toString().substring(0, 8);
        HttpJson.Response created = http.asUser("admin").post("/api/v1/users", """
                {"username": "%s", "password": "correct horse battery", "roles": ["CARE_COORDINATOR"], "locations": ["SATELLITE_CLINIC"]}"""
                .formatted(elsewhere));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        refused(coordinator.post("/api/v1/tasks/" + contact + "/owner", "{\"user\": \"no-such-person-7731\", \"version\": 0}"), "no-such-person-7731");
        refused(coordinator.post("/api/v1/tasks/" + contact + "/owner", "{\"user\": \"nurse\", \"version\": 0}"), "nurse");
        refused(coordinator.post("/api/v1/tasks/" + contact + "/owner", "{\"user\": \"" + elsewhere + "\", \"version\": 0}"), elsewhere);
        assertThat(jdbc.sql("select count(*) from task where id = cast(:id as uuid) and version = 0 and owner_user is null")
                .param("id", contact).query(Long.class).single()).as("nothing was changed").isEqualTo(1);

        // The coordinator of that location may own it; null gives it back to the queue.
        HttpJson.Response owned = coordinator.post("/api/v1/tasks/" + contact + "/owner", "{\"user\": \"coordinator\", \"version\": 0}");
        assertThat(owned.status()).as(owned.text()).isEqualTo(200);
        assertThat(owned.json().path("owner").path("user").asText()).isEqualTo("coordinator");
        HttpJson.Response back = coordinator.post("/api/v1/tasks/" + contact + "/owner", "{\"user\": null, \"version\": 1}");
        assertThat(back.status()).as(back.text()).isEqualTo(200);
        assertThat(back.json().path("owner").path("user").isNull()).as(back.text()).isTrue();
    }

    private void refused(HttpJson.Response response, String sent) {
        assertThat(response.status()).as(response.text()).isEqualTo(422);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("errors").get(0).path("field").asText()).isEqualTo("user");
        assertThat(response.text()).doesNotContain(sent);
    }

    private String contact(String location) {
        HttpJson.Response intake = http.post("/api/v1/intake/discharges", Intake.tcmDischarge(Intake.newId(), location));
        assertThat(intake.status()).as(intake.text()).isEqualTo(201);
        return jdbc.sql("select id::text from task where plan_id = cast(:plan as uuid) and task_type = 'TCM_INTERACTIVE_CONTACT'")
                .param("plan", intake.json().path("planId").asText()).query(String.class).single();
    }
}
