package app.baton.security;

import app.baton.HttpJson;
import app.baton.WebIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any change an administrator makes to a user (status, roles, locations, password, lock) ends that
 * user's browser sessions at once: the very next request with the old session cookie is a 401.
 */
class SessionRevocationIntegrationTests extends WebIntegrationTest {

    private static final String PASSWORD = "correct horse battery";
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    HttpJson admin;

    @BeforeEach
    void clients() {
        admin = http.asUser("admin");
    }

    @Test
    void disablingAUserEndsHerSession() {
        assertChangeEndsTheSession(id -> change(id, "[\"CLINICAL_STAFF\"]", "[\"MAIN_CLINIC\"]", false));
    }

    @Test
    void changingAUsersRolesEndsHerSession() {
        assertChangeEndsTheSession(id -> change(id, "[\"FRONT_DESK\"]", "[\"MAIN_CLINIC\"]", true));
    }

    @Test
    void changingAUsersLocationsEndsHerSession() {
        assertChangeEndsTheSession(id -> change(id, "[\"CLINICAL_STAFF\"]", "[\"NORTH_CLINIC\"]", true));
    }

    @Test
    void resettingAUsersPasswordEndsHerSession() {
        assertChangeEndsTheSession(id -> assertThat(admin.post("/api/v1/users/" + id + "/password",
                "{\"password\": \"a brand new passphrase\"}").status()).isEqualTo(200));
    }

    @Test
    void settingANewPasswordInTheConsoleEndsHerSessionAndTheNewOneLogsIn() {
        assertChangeEndsTheSession(id -> {
            HttpJson adminBrowser = logIn("admin", HttpJson.TEST_PASSWORD);
            String csrf = adminBrowser.get("/api/v1/me").json().path("csrf").path("token").asText();
            HttpJson.Response reset = adminBrowser.post("/console/admin/users/" + id + "/password", "password=another+long+passphrase",
                    "Content-Type", "application/x-www-form-urlencoded", "X-CSRF-TOKEN", csrf);
            assertThat(reset.status()).as(reset.text()).isEqualTo(302);
        });
    }

    @Test
    void lockingAUserOutEndsHerSession() {
        assertChangeEndsTheSession(id -> {
            String name = admin.get("/api/v1/users/" + id).json().path("username").asText();
            for (int attempt = 0; attempt < 5; attempt++) {
                assertThat(http.asUser(name, "wrong password " + attempt).get("/api/v1/me").status()).isEqualTo(401);
            }
        });
    }

    @Test
    void unlockingAUserEndsHerSession() {
        assertChangeEndsTheSession(id -> assertThat(admin.post("/api/v1/users/" + id + "/unlock", "").status()).isEqualTo(200));
    }

    @Test
    void aChangeToOneUserLeavesOtherUsersLoggedIn() {
        String changed = createUser();
        String other = createUser();
        HttpJson otherBrowser = logIn(admin.get("/api/v1/users/" + other).json().path("username").asText());

        change(changed, "[\"FRONT_DESK\"]", "[\"MAIN_CLINIC\"]", true);

        assertThat(otherBrowser.get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void theUserLogsInAgainAfterTheChangeAndGetsHerNewRoles() {
        String id = createUser();
        String name = admin.get("/api/v1/users/" + id).json().path("username").asText();
        HttpJson browser = logIn(name);

        change(id, "[\"FRONT_DESK\"]", "[\"MAIN_CLINIC\"]", true);

        assertThat(browser.get("/api/v1/me").status()).isEqualTo(401);
        assertThat(logIn(name).get("/api/v1/me").json().path("roles").toString()).isEqualTo("[\"FRONT_DESK\"]");
    }

    private void assertChangeEndsTheSession(Consumer<String> change) {
        String id = createUser();
        HttpJson browser = logIn(admin.get("/api/v1/users/" + id).json().path("username").asText());
        assertThat(browser.get("/api/v1/me").status()).isEqualTo(200);

        change.accept(id);

        HttpJson.Response next = browser.get("/api/v1/me");
        assertThat(next.status()).as(next.text()).isEqualTo(401);
        assertThat(next.contentType()).startsWith("application/problem+json");
        assertThat(browser.get("/api/v1/me").status()).isEqualTo(401);
    }

    private void change(String id, String roles, String locations, boolean enabled) {
        HttpJson.Response changed = admin.put("/api/v1/users/" + id,
                "{\"roles\": %s, \"locations\": %s, \"enabled\": %s}".formatted(roles, locations, enabled));
        assertThat(changed.status()).as(changed.text()).isEqualTo(200);
    }

    private String createUser() {
        String name = "session-" + UUID.randomUUID().toString().substring(0, 8);
        HttpJson.Response created = admin.post("/api/v1/users", """
                {"username": "%s", "password": "%s", "roles": ["CLINICAL_STAFF"], "locations": ["MAIN_CLINIC"]}"""
                .formatted(name, PASSWORD));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json().path("id").asText();
    }

    private HttpJson logIn(String name) {
        return logIn(name, PASSWORD);
    }

    private HttpJson logIn(String name, String password) {
        HttpJson browser = http.browser();
        Matcher csrf = CSRF_FIELD.matcher(browser.get("/login", "Accept", "text/html").text());
        assertThat(csrf.find()).isTrue();
        HttpJson.Response login = browser.post("/login", "username=" + encode(name) + "&password=" + encode(password)
                + "&_csrf=" + encode(csrf.group(1)), "Content-Type", "application/x-www-form-urlencoded");
        assertThat(login.header("Location")).endsWith("/console");
        return browser;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
