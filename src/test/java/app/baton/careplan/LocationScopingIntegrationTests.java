package app.baton.careplan;

import app.baton.intake.Intake;

import app.baton.HttpJson;
import app.baton.WebIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The location-scoping holes an adversarial probe found in the tracker, each as the attack: notices
 * about another clinic's patient, intakes created at another clinic, replays that gave away another
 * clinic's ids, source ids taken first by another client, and a re-evaluation that reported another
 * clinic's tasks.
 */
class LocationScopingIntegrationTests extends WebIntegrationTest {

    private static final String PASSWORD = "correct horse battery";

    @Autowired
    JdbcClient jdbc;

    @Test
    void aMainClinicDischargeIsAnnouncedOnlyToPeopleOfTheMainClinic() {
        String roles = "\"CLINICAL_STAFF\", \"CARE_COORDINATOR\", \"FRONT_DESK\"";
        HttpJson north = user(roles, "NORTH_CLINIC");
        HttpJson main = user(roles, "MAIN_CLINIC");

        String planId = http.post("/api/v1/intake/discharges", fuhDischarge(Intake.newId(), "MAIN_CLINIC")).json().path("planId").asText();

        await().atMost(Duration.ofSeconds(30)).until(() -> planIdsIn(main).contains(planId));
        assertThat(planIdsIn(north)).doesNotContain(planId);
    }

    @Test
    void aNorthUserOrKeyCannotTakeInAMainClinicIntake() {
        HttpJson northUser = user("\"CARE_COORDINATOR\"", "NORTH_CLINIC");
        HttpJson northKey = key("NORTH_CLINIC", null);
        String byUser = Intake.newId();
        String byKey = Intake.newId();

        HttpJson.Response refusedUser = northUser.post("/api/v1/intake/discharges", onPhone(Intake.tcmDischarge(byUser, "MAIN_CLINIC")));
        HttpJson.Response refusedKey = northKey.post("/api/v1/intake/referrals", onPhone(Intake.referralWithoutMemberId(byKey)));

        assertForbidden(refusedUser, "patient.location");
        assertForbidden(refusedKey, "patient.location");
        assertThat(intakesWithSourceId(byUser) + intakesWithSourceId(byKey)).as("nothing stored").isZero();
        assertThat(refusals("pt-" + byUser, "patient.location")).as("the attempt is audited").isEqualTo(1);
        assertThat(refusals("pt-" + byKey, "patient.location")).isEqualTo(1);
        assertThat(northUser.post("/api/v1/intake/discharges", onPhone(Intake.tcmDischarge(Intake.newId(), "NORTH_CLINIC"))).status())
                .as("at her own location she may").isEqualTo(201);
    }

    @Test
    void replayingAnotherLocationsIntakeRevealsNeitherItsIdNorItsPlan() {
        String body = onPhone(Intake.tcmDischarge(Intake.newId(), "MAIN_CLINIC"));
        JsonNode first = http.post("/api/v1/intake/discharges", body).json();

        HttpJson.Response replayed = user("\"CARE_COORDINATOR\"", "NORTH_CLINIC").post("/api/v1/intake/discharges", body);

        assertForbidden(replayed, "patient.location");
        assertThat(replayed.text()).doesNotContain(first.path("id").asText()).doesNotContain(first.path("planId").asText());
        assertThat(replayed.header("Idempotent-Replayed")).isNull();
    }

    @Test
    void aSourceSystemBoundToAKeyIsThatKeysAloneSoNobodyCanTakeItsNextSourceIdFirst() {
        String hospital = "HOSP-ADT-" + UUID.randomUUID().toString().substring(0, 8);
        HttpJson hospitalKey = key(null, hospital);
        HttpJson otherKey = key(null, null);
        String next = Intake.newId();
        String message = Intake.tcmDischarge(next, "MAIN_CLINIC").replace("\"EHR-ADT\"", "\"" + hospital + "\"");

        assertForbidden(otherKey.post("/api/v1/intake/discharges", message), "sourceSystem");
        assertForbidden(http.asUser("coordinator").post("/api/v1/intake/discharges", message), "sourceSystem");
        assertThat(intakesWithSourceId(next)).as("the squatters stored nothing").isZero();
        assertThat(refusals("pt-" + next, "sourceSystem")).as("both attempts are audited").isEqualTo(2);

        HttpJson.Response real = hospitalKey.post("/api/v1/intake/discharges", message);
        assertThat(real.status()).as(real.text()).isEqualTo(201);
        assertThat(hospitalKey.post("/api/v1/intake/discharges", message).header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(http.get("/api/v1/api-keys").status()).isEqualTo(403);
        assertThat(http.asUser("admin").get("/api/v1/api-keys").json().findValues("sourceSystems").toString()).contains(hospital);
    }

    @Test
    void aSourceSystemNoKeyIsBoundToIsOpenToPeopleWhoTakeInIntakes() {
        HttpJson.Response phoned = http.asUser("frontdesk").post("/api/v1/intake/referrals", onPhone(Intake.referralWithoutMemberId(Intake.newId())));

        assertThat(phoned.status()).as(phoned.text()).isEqualTo(201);
    }

    @Test
    void aKeysSourceSystemsAreCodes() {
        HttpJson.Response refused = http.asUser("admin").post("/api/v1/api-keys",
                "{\"name\": \"feed\", \"roles\": [\"INTEGRATION\"], \"sourceSystems\": [\"St Mary's ADT feed\"]}");

        assertThat(refused.status()).as(refused.text()).isEqualTo(400);
        assertThat(refused.json().path("errors").get(0).path("field").asText()).startsWith("sourceSystems");
    }

    @Test
    void aClinicalLeadOfOneLocationReEvaluatesAndSeesOnlyHerLocationsTasks() {
        String satellitePlan = http.post("/api/v1/intake/discharges", Intake.tcmDischarge(Intake.newId(), "SATELLITE_CLINIC")).json()
                .path("planId").asText();
        String satelliteTask = http.get("/api/v1/plans/" + satellitePlan).json().path("tasks").get(0).path("id").asText();
        jdbc.sql("update task set due_at = due_at + interval '5 days' where id = cast(:id as uuid)").param("id", satelliteTask).update();

        JsonNode preview = http.asUser("clinlead").post("/api/v1/tracker/re-evaluations", "{\"preview\": true}").json();
        long mainOpen = jdbc.sql("select count(*) from task where status not in ('DONE', 'CANCELLED') and location = 'MAIN_CLINIC'")
                .query(Long.class).single();

        assertThat(preview.path("openTasks").asLong()).as(preview.toString()).isEqualTo(mainOpen);
        assertThat(preview.path("examples")).extracting(e -> e.path("taskId").asText()).doesNotContain(satelliteTask);
        HttpJson.Response started = http.asUser("clinlead").post("/api/v1/tracker/re-evaluations", "{\"preview\": false}");
        assertThat(started.status()).as(started.text()).isEqualTo(202);
        JsonNode run = started.json();
        for (int i = 0; i < 600 && run.path("status").asText().equals("RUNNING"); i++) {
            sleep();
            run = http.asUser("clinlead").get(started.header("Location")).json();
        }
        assertThat(run.path("status").asText()).as("her run, applied in the background, is over").isEqualTo("COMPLETED");
        assertThat(run.path("examples")).extracting(e -> e.path("taskId").asText()).doesNotContain(satelliteTask);
        assertThat(http.get("/api/v1/tasks/" + satelliteTask).json().path("due").path("at").asText())
                .as("her re-evaluation left the satellite clinic's task as it was").isNotEqualTo("2026-03-11T23:59:59-04:00");
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String fuhDischarge(String sourceId, String location) {
        return Intake.tcmDischarge(sourceId, location).replace("\"TCM\"", "\"FUH\"");
    }

    /** The same event from a source system no key is bound to (a referral taken on the phone). */
    private static String onPhone(String body) {
        return body.replace("\"EHR-ADT\"", "\"PHONE\"").replace("\"REFERRALS\"", "\"PHONE\"");
    }

    private long intakesWithSourceId(String sourceId) {
        return jdbc.sql("select count(*) from intake where source_id = :id").param("id", sourceId).query(Long.class).single();
    }

    private long refusals(String patientId, String field) {
        return jdbc.sql("""
                        select count(*) from audit_event where category = 'INTAKE' and outcome = 'DENIED' and patient_id = :patient
                        and details ->> 'field' = :field""")
                .param("patient", patientId).param("field", field).query(Long.class).single();
    }

    private List<String> planIdsIn(HttpJson person) {
        HttpJson.Response page = person.get("/api/v1/notifications?size=100");
        assertThat(page.status()).as(page.text()).isEqualTo(200);
        return page.json().path("items").findValuesAsText("planId");
    }

    private static void assertForbidden(HttpJson.Response response, String field) {
        assertThat(response.status()).as(response.text()).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("errors").get(0).path("field").asText()).isEqualTo(field);
    }

    /** A new person with these roles (JSON strings) at this location. */
    HttpJson user(String roles, String location) {
        String name = "loc-" + UUID.randomUUID().toString().substring(0, 8);
        HttpJson.Response created = http.asUser("admin").post("/api/v1/users", """
                {"username": "%s", "password": "%s", "roles": [%s], "locations": ["%s"]}""".formatted(name, PASSWORD, roles, location));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return http.asUser(name, PASSWORD);
    }

    /** A new INTEGRATION key, at one location (null: all) and bound to one source system (null: none). */
    HttpJson key(String location, String sourceSystem) {
        String body = "{\"name\": \"app-%s\", \"roles\": [\"INTEGRATION\"]%s%s}".formatted(UUID.randomUUID(),
                location == null ? "" : ", \"locations\": [\"" + location + "\"]",
                sourceSystem == null ? "" : ", \"sourceSystems\": [\"" + sourceSystem + "\"]");
        HttpJson.Response created = http.asUser("admin").post("/api/v1/api-keys", body);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return http.withApiKey(created.json().path("key").asText());
    }
}
