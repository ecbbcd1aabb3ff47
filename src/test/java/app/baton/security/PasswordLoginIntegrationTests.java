package app.baton.security;

import app.baton.HttpJson;
import app.baton.WebIntegrationTest;
import app.baton.Requests;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** People log in with a password: lock-out after repeated failures, sessions with CSRF protection. */
class PasswordLoginIntegrationTests extends WebIntegrationTest {

    private static final String PASSWORD = "correct horse battery";
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    @Autowired
    ServerProperties server;
    @Autowired
    JdbcClient jdbc;
    HttpJson admin;

    @BeforeEach
    void clients() {
        admin = http.asUser("admin");
    }

    /** A fresh user, so that locking it out disturbs no other test; answers its id. */
    private String createUser(String name) {
        HttpJson.Response created = admin.post("/api/v1/users", UserAdministrationIntegrationTests.newUser(name, "CLINICAL_STAFF")
                .replace("correct horse battery", PASSWORD));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json().path("id").asText();
    }

    private int meStatus(String name, String password) {
        return http.asUser(name, password).get("/api/v1/me").status();
    }

    @Test
    void fiveWrongPasswordsLockTheAccountForFifteenMinutesEvenAgainstTheRightOne() {
        String name = "locked-" + UUID.randomUUID();
        String id = createUser(name);

        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(meStatus(name, "wrong password " + attempt)).isEqualTo(401);
        }

        assertThat(meStatus(name, PASSWORD)).isEqualTo(401);
        Instant lockedUntil = Instant.parse(admin.get("/api/v1/users/" + id).json().path("lockedUntil").asText());
        assertThat(Duration.between(Instant.now(), lockedUntil)).isCloseTo(Duration.ofMinutes(15), Duration.ofSeconds(30));
    }

    @Test
    void twentyParallelWrongGuessesGetAtMostFivePasswordChecks() throws Exception {
        String name = "guessed-" + UUID.randomUUID();
        String id = createUser(name);

        ExecutorService guessers = Executors.newFixedThreadPool(20);
        try {
            List<Future<Integer>> guesses = new ArrayList<>();
            for (int guess = 0; guess < 20; guess++) {
                String password = "wrong password " + guess;
                guesses.add(guessers.submit(() -> meStatus(name, password)));
            }
            for (Future<Integer> guess : guesses) {
                assertThat(guess.get(60, TimeUnit.SECONDS)).isEqualTo(401);
            }
        } finally {
            guessers.shutdownNow();
        }

        // Each refusal is audited with its reason: only the guesses that got a password check are WRONG_PASSWORD.
        List<String> reasons = jdbc.sql("""
                        select details ->> 'reason' from audit_event
                        where action = 'LOGIN_FAILED' and object_id = :name order by staged_number""")
                .param("name", name).query(String.class).list();
        assertThat(reasons).hasSize(20);
        assertThat(reasons.stream().filter("WRONG_PASSWORD"::equals).count()).isEqualTo(5);
        assertThat(reasons.stream().filter("LOCKED"::equals).count()).isEqualTo(15);
        assertThat(admin.get("/api/v1/users/" + id).json().path("lockedUntil").isNull()).isFalse();
        assertThat(meStatus(name, PASSWORD)).isEqualTo(401);
    }

    @Test
    void anAdminEndsTheLockOut() {
        String name = "unlocked-" + UUID.randomUUID();
        String id = createUser(name);
        for (int attempt = 1; attempt <= 5; attempt++) {
            meStatus(name, "wrong password");
        }

        HttpJson.Response unlocked = admin.post("/api/v1/users/" + id + "/unlock", "");

        assertThat(unlocked.json().path("lockedUntil").isNull()).isTrue();
        assertThat(meStatus(name, PASSWORD)).isEqualTo(200);
    }

    @Test
    void theRightPasswordStartsTheFailureCountAgain() {
        String name = "forgetful-" + UUID.randomUUID();
        String id = createUser(name);

        for (int round = 0; round < 2; round++) {
            for (int attempt = 1; attempt <= 4; attempt++) {
                assertThat(meStatus(name, "wrong password")).isEqualTo(401);
            }
            assertThat(meStatus(name, PASSWORD)).isEqualTo(200);
        }
        assertThat(admin.get("/api/v1/users/" + id).json().path("failedAttempts").asInt()).isZero();
    }

    @Test
    void unknownUserAndWrongPasswordGetTheSameAnswer() {
        HttpJson.Response unknown = http.asUser("nobody-" + UUID.randomUUID(), PASSWORD).get("/api/v1/me");
        HttpJson.Response wrong = http.asUser("nurse", "not the password").get("/api/v1/me");

        assertThat(unknown.status()).isEqualTo(wrong.status()).isEqualTo(401);
        assertThat(unknown.json().path("detail")).isEqualTo(wrong.json().path("detail"));
        assertThat(unknown.header("WWW-Authenticate")).isNull();
    }

    @Test
    void formLoginStartsASessionWhoseChangesNeedTheCsrfToken() {
        HttpJson browser = http.browser();
        String loginToken = csrfField(browser.get("/login", "Accept", "text/html").text());

        HttpJson.Response login = browser.post("/login", form("nurse", HttpJson.TEST_PASSWORD, loginToken),
                "Content-Type", "application/x-www-form-urlencoded");
        assertThat(login.status()).isEqualTo(302);
        assertThat(login.header("Location")).endsWith("/console");

        JsonNode me = browser.get("/api/v1/me").json();
        assertThat(me.path("name").asText()).isEqualTo("nurse");
        HttpJson.Response forged = browser.post("/api/v1/decisions", Requests.workedExample());
        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.json().path("type").asText()).isEqualTo("urn:baton:problem:csrf-token-invalid");
        HttpJson.Response genuine = browser.post("/api/v1/decisions", Requests.workedExample(),
                me.path("csrf").path("headerName").asText(), me.path("csrf").path("token").asText());
        assertThat(genuine.status()).isEqualTo(200);
    }

    @Test
    void loginFormWithoutTheCsrfTokenIsRefused() {
        HttpJson browser = http.browser();
        browser.get("/login", "Accept", "text/html");

        HttpJson.Response login = browser.post("/login", form("nurse", HttpJson.TEST_PASSWORD, "forged"),
                "Content-Type", "application/x-www-form-urlencoded");

        assertThat(login.status()).isEqualTo(403);
        assertThat(browser.get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void basicRequestsNeedNoCsrfToken() {
        assertThat(http.asUser("nurse").post("/api/v1/decisions", Requests.workedExample()).status()).isEqualTo(200);
    }

    @Test
    void browserAskingForAPageIsSentToTheLoginForm() {
        HttpJson.Response page = http.anonymous().get("/", "Accept", "text/html");

        assertThat(page.status()).isEqualTo(302);
        assertThat(page.header("Location")).endsWith("/login");
    }

    @Test
    void firstAdministratorOfTheConfigurationCanLogIn() {
        JsonNode me = http.asUser("first-admin", "first-admin-password").get("/api/v1/me").json();

        assertThat(me.path("roles").toString()).isEqualTo("[\"ADMIN\"]");
        assertThat(me.path("locations").toString()).isEqualTo("[\"*\"]");
    }

    @Test
    void sessionsEndAfterFifteenIdleMinutesByDefault() {
        assertThat(server.getServlet().getSession().getTimeout()).isEqualTo(Duration.ofMinutes(15));
        assertThat(server.getServlet().getSession().getCookie().getHttpOnly()).isTrue();
    }

    private static String csrfField(String loginPage) {
        Matcher matcher = CSRF_FIELD.matcher(loginPage);
        assertThat(matcher.find()).as(loginPage).isTrue();
        return matcher.group(1);
    }

    private static String form(String username, String password, String csrf) {
        return "username=" + encode(username) + "&password=" + encode(password) + "&_csrf=" + encode(csrf);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
