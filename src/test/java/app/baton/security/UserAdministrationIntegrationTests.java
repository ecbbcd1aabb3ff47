package app.baton.security;

import app.baton.HttpJson;
import app.baton.WebIntegrationTest;
import app.baton.Requests;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

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
    void sqlAndScriptInUserNamesAreStoredAndReturnedAsPlainText() {
        String sql = "x'); drop table app_user; --";
        String script = "<script>alert('baton')</script>";

        HttpJson.Response first = admin.post("/api/v1/users", newUser(sql, "FRONT_DESK"));
        HttpJson.Response second = admin.post("/api/v1/users", newUser(script, "FRONT_DESK"));

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        HttpJson.Response read = admin.get("/api/v1/users/" + second.json().path("id").asText());
        assertThat(read.json().path("username").asText()).isEqualTo(script);
        assertThat(read.contentType()).startsWith("application/json");
        assertThat(read.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(read.header("Content-Security-Policy")).startsWith("default-src 'none'");
        assertThat(admin.get("/api/v1/users/" + first.json().path("id").asText()).json().path("username").asText()).isEqualTo(sql);
        assertThat(jdbc.sql("select count(*) from app_user").query(Integer.class).single()).isGreaterThanOrEqualTo(11);
        assertThat(http.asUser(sql, PASSWORD).get("/api/v1/me").json().path("name").asText()).isEqualTo(sql);
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
