package app.baton.security;

import app.baton.HttpJson;
import app.baton.WebIntegrationTest;
import app.baton.Requests;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** An admin manages people's accounts; bodies cannot set what they do not name, and names stay text. */
class UserAdministrationIntegrationTests extends WebIntegrationTest {

    private static final String PASSWORD = "correct horse battery";

    @Autowired
    JdbcClient jdbc;
    HttpJson admin;

    @BeforeEach
    void clients() {
        admin = http.asUser("admin");
    }

    static String newUser(String username, String role) {
        return """
                {"username": "%s", "password": "%s", "roles": ["%s"], "locations": ["MAIN_CLINIC"]}"""
                .formatted(username.replace("\\", "\\\\").replace("\"", "\\\""), PASSWORD, role);
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private String fieldOf400(HttpJson.Response response) {
        assertThat(response.status()).as(response.text()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        return response.json().path("errors").get(0).path("field").asText();
    }

    @Test
    void createdUserLogsInWithHerRolesAndHerPasswordIsNeverShown() {
        String name = unique("maria");
        HttpJson.Response created = admin.post("/api/v1/users", newUser(name, "CARE_COORDINATOR"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/api/v1/users/" + created.json().path("id").asText());
        assertThat(created.text()).doesNotContain(PASSWORD).doesNotContain("bcrypt").doesNotContain("password");
        HttpJson maria = http.asUser(name, PASSWORD);
        JsonNode me = maria.get("/api/v1/me").json();
        assertThat(me.path("kind").asText()).isEqualTo("USER");
        assertThat(me.path("roles").toString()).isEqualTo("[\"CARE_COORDINATOR\"]");
        assertThat(maria.post("/api/v1/decisions", Requests.workedExample()).status()).isEqualTo(200);
        assertThat(jdbc.sql("select password_hash from app_user where username = :name").param("name", name)
                .query(String.class).single()).startsWith("{bcrypt}$2");
    }

    @Test
    void idAndLockOutFieldsInABodyAreRefusedAsUnknown() {
        String id = admin.post("/api/v1/users", newUser(unique("omar"), "BILLING")).json().path("id").asText();

        assertThat(fieldOf400(admin.post("/api/v1/users", newUser(unique("eve"), "BILLING")
                .replace("{", "{\"id\": \"" + UUID.randomUUID() + "\", ")))).isEqualTo("id");
        assertThat(fieldOf400(admin.post("/api/v1/users", newUser(unique("eve"), "BILLING")
                .replace("{", "{\"failedAttempts\": -100, ")))).isEqualTo("failedAttempts");
        assertThat(fieldOf400(admin.put("/api/v1/users/" + id,
                "{\"roles\": [\"BILLING\"], \"locations\": [\"*\"], \"enabled\": true, \"lockedUntil\": null}"))).isEqualTo("lockedUntil");
        assertThat(fieldOf400(admin.post("/api/v1/users", newUser(unique("eve"), "SUPERUSER")))).isEqualTo("roles[0]");
    }

    @Test
    void sqlAndScriptInUserNamesAreRefusedByThePatternOfNames() {
        assertThat(fieldOf400(admin.post("/api/v1/users", newUser("x'); drop table app_user; --", "FRONT_DESK")))).isEqualTo("username");
        assertThat(fieldOf400(admin.post("/api/v1/users", newUser("<script>alert('baton')</script>", "FRONT_DESK")))).isEqualTo("username");
        assertThat(jdbc.sql("select count(*) from app_user where username like '%<script>%' or username like '%drop table%'")
                .query(Integer.class).single()).isZero();
    }

    @Test
    void lookAlikeNamesAreNormalizedOrRefused() {
        // a trailing space, capitals and full-width letters are the same "nurse" after normalization: taken
        assertThat(admin.post("/api/v1/users", newUser("nurse ", "FRONT_DESK")).status()).isEqualTo(409);
        assertThat(admin.post("/api/v1/users", newUser("  Nurse", "FRONT_DESK")).status()).isEqualTo(409);
        assertThat(admin.post("/api/v1/users", newUser("\uFF4E\uFF55\uFF52\uFF53\uFF45", "FRONT_DESK")).status()).isEqualTo(409);
        // a zero-width space, a Cyrillic "е" and a space inside are not letters of a name
        assertThat(fieldOf400(admin.post("/api/v1/users", newUser("nu\u200Brse", "FRONT_DESK")))).isEqualTo("username");
        assertThat(fieldOf400(admin.post("/api/v1/users", newUser("nurs\u0435", "FRONT_DESK")))).isEqualTo("username");
        assertThat(fieldOf400(admin.post("/api/v1/users", newUser("nurse two", "FRONT_DESK")))).isEqualTo("username");
        String name = unique("Upper.Case");
        assertThat(admin.post("/api/v1/users", newUser(name, "FRONT_DESK")).json().path("username").asText())
                .isEqualTo(name.toLowerCase());
        assertThat(http.asUser(name.toUpperCase(), PASSWORD).get("/api/v1/me").json().path("name").asText()).isEqualTo(name.toLowerCase());
    }

    @Test
    void creatingAUserIsAuditedWithTheAdministratorAndTheRoles() {
        String name = unique("powerful");
        String id = admin.post("/api/v1/users", newUser(name, "ADMIN").replace("[\"ADMIN\"]", "[\"ADMIN\", \"COMPLIANCE_REVIEWER\"]"))
                .json().path("id").asText();

        JsonNode entry = lastEntry("USER", id);
        assertThat(entry.path("action").asText()).isEqualTo("CREATE");
        assertThat(entry.path("actor").asText()).isEqualTo("admin");
        assertThat(entry.path("actorType").asText()).isEqualTo("USER");
        assertThat(entry.path("details").path("rolesAfter").asText()).isEqualTo("ADMIN,COMPLIANCE_REVIEWER");
        assertThat(entry.path("details").path("locationsAfter").asText()).isEqualTo("MAIN_CLINIC");
        assertThat(entry.path("details").path("enabledAfter").asText()).isEqualTo("true");
        assertThat(entry.toString()).doesNotContain(PASSWORD);
    }

    @Test
    void changingUnlockingAndResettingAUserAreAuditedWithBeforeAndAfter() {
        String id = admin.post("/api/v1/users", newUser(unique("changing"), "BILLING")).json().path("id").asText();

        admin.put("/api/v1/users/" + id, "{\"roles\": [\"BILLING\", \"LEADERSHIP\"], \"locations\": [\"*\"], \"enabled\": false}");
        JsonNode changed = lastEntry("USER", id);
        assertThat(changed.path("action").asText()).isEqualTo("UPDATE");
        assertThat(changed.path("details").path("change").asText()).isEqualTo("UPDATED");
        assertThat(changed.path("details").path("rolesBefore").asText()).isEqualTo("BILLING");
        assertThat(changed.path("details").path("rolesAfter").asText()).isEqualTo("BILLING,LEADERSHIP");
        assertThat(changed.path("details").path("locationsBefore").asText()).isEqualTo("MAIN_CLINIC");
        assertThat(changed.path("details").path("locationsAfter").asText()).isEqualTo("*");
        assertThat(changed.path("details").path("enabledBefore").asText()).isEqualTo("true");
        assertThat(changed.path("details").path("enabledAfter").asText()).isEqualTo("false");

        admin.post("/api/v1/users/" + id + "/unlock", "");
        assertThat(lastEntry("USER", id).path("details").path("change").asText()).isEqualTo("UNLOCKED");
        assertThat(admin.post("/api/v1/users/" + id + "/password", "{\"password\": \"another long passphrase\"}").status()).isEqualTo(200);
        JsonNode reset = lastEntry("USER", id);
        assertThat(reset.path("details").path("change").asText()).isEqualTo("PASSWORD_RESET");
        assertThat(reset.path("actor").asText()).isEqualTo("admin");
        assertThat(reset.toString()).doesNotContain("another long passphrase");
    }

    @Test
    void creatingAndRevokingAnApiKeyAreAudited() {
        JsonNode created = admin.post("/api/v1/api-keys", "{\"name\": \"audited app\", \"roles\": [\"INTEGRATION\"], \"locations\": [\"NORTH_CLINIC\"], "
                + "\"sourceSystems\": [\"NORTH-ADT\"]}").json();
        String id = created.path("apiKey").path("id").asText();
        JsonNode creation = lastEntry("API_KEY", id);
        assertThat(creation.path("action").asText()).isEqualTo("CREATE");
        assertThat(creation.path("actor").asText()).isEqualTo("admin");
        assertThat(creation.path("details").path("roles").asText()).isEqualTo("INTEGRATION");
        assertThat(creation.path("details").path("locations").asText()).isEqualTo("NORTH_CLINIC");
        assertThat(creation.path("details").path("sourceSystems").asText()).isEqualTo("NORTH-ADT");
        assertThat(creation.toString()).doesNotContain(created.path("key").asText());

        assertThat(admin.delete("/api/v1/api-keys/" + id).status()).isEqualTo(204);
        JsonNode revocation = lastEntry("API_KEY", id);
        assertThat(revocation.path("action").asText()).isEqualTo("DELETE");
        assertThat(revocation.path("details").path("change").asText()).isEqualTo("REVOKED");
        assertThat(revocation.path("actor").asText()).isEqualTo("admin");
    }

    @Test
    void theLastAdministratorCannotRemoveHerAdminRoleOrDisableHerself() {
        String adminId = jdbc.sql("select id::text from app_user where username = 'admin'").query(String.class).single();
        List<String> others = jdbc.sql("select id::text from app_user where enabled and 'ADMIN' = any(roles) and username <> 'admin'")
                .query(String.class).list();
        jdbc.sql("update app_user set enabled = false where id::text in (:ids)").param("ids", others.isEmpty() ? List.of("") : others).update();
        try {
            HttpJson.Response demoted = admin.put("/api/v1/users/" + adminId, "{\"roles\": [\"COMPLIANCE_REVIEWER\"], \"locations\": [\"*\"], \"enabled\": true}");
            HttpJson.Response disabled = admin.put("/api/v1/users/" + adminId, "{\"roles\": [\"ADMIN\"], \"locations\": [\"*\"], \"enabled\": false}");

            assertThat(demoted.status()).as(demoted.text()).isEqualTo(409);
            assertThat(demoted.json().path("type").asText()).isEqualTo("urn:baton:problem:last-administrator");
            assertThat(disabled.status()).isEqualTo(409);
            assertThat(admin.get("/api/v1/users/" + adminId).json().path("roles").toString()).isEqualTo("[\"ADMIN\"]");
            assertThat(admin.get("/api/v1/users/" + adminId).json().path("enabled").asBoolean()).isTrue();
        } finally {
            jdbc.sql("update app_user set enabled = true where id::text in (:ids)").param("ids", others.isEmpty() ? List.of("") : others).update();
        }
    }

    /** The newest audit entry of this category about this object, as the audit search returns it. */
    private JsonNode lastEntry(String category, String objectId) {
        JsonNode events = http.asUser("compliance").get("/api/v1/audit/events?category=" + category + "&size=500").json().path("events");
        for (JsonNode event : events) {
            if (event.path("objectId").asText().equals(objectId)) {
                return event;
            }
        }
        throw new AssertionError("no " + category + " audit entry about " + objectId);
    }

    @Test
    void nameTakenInAnotherCaseIsAConflict() {
        String name = unique("Dana");
        admin.post("/api/v1/users", newUser(name, "BILLING"));

        HttpJson.Response again = admin.post("/api/v1/users", newUser(name.toLowerCase(), "BILLING"));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("type").asText()).isEqualTo("urn:baton:problem:username-taken");
    }

    @Test
    void shortPasswordIsRefused() {
        assertThat(fieldOf400(admin.post("/api/v1/users", newUser(unique("sam"), "BILLING").replace(PASSWORD, "short")))).isEqualTo("password");
    }

    @Test
    void changedRolesApplyAtTheNextRequestAndADisabledUserCannotLogIn() {
        String name = unique("lee");
        String id = admin.post("/api/v1/users", newUser(name, "FRONT_DESK")).json().path("id").asText();
        HttpJson lee = http.asUser(name, PASSWORD);
        assertThat(lee.get("/api/v1/users").status()).isEqualTo(403);

        admin.put("/api/v1/users/" + id, "{\"roles\": [\"ADMIN\"], \"locations\": [\"*\"], \"enabled\": true}");
        assertThat(lee.get("/api/v1/users").status()).isEqualTo(200);

        HttpJson.Response disabled = admin.put("/api/v1/users/" + id, "{\"roles\": [\"ADMIN\"], \"locations\": [\"*\"], \"enabled\": false}");
        assertThat(disabled.json().path("enabled").asBoolean()).isFalse();
        assertThat(lee.get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void unknownUserIsNotFound() {
        assertThat(admin.get("/api/v1/users/" + UUID.randomUUID()).status()).isEqualTo(404);
    }
}
