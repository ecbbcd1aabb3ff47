package app.baton.system;

import app.baton.HttpJson;
import app.baton.PhiValues;
import app.baton.Requests;
import app.baton.WebIntegrationTest;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Input a probe sends to break things: dates at the end of time (and due dates counted past it), the NUL
 * character, two JSON documents in one body, missing form fields, patient data in fields that are not for it. Each is a 400 that names the field, never echoes the value, and
 * leaves no error or stack trace in the log.
 */
class HostileInputIntegrationTests extends WebIntegrationTest {

    private static final String END_OF_TIME = "+999999999-12-31T23:59:59Z";
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    @Autowired
    JdbcClient jdbc;

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @BeforeEach
    void watchTheLog() {
        log.start();
        root.addAppender(log);
    }

    @AfterEach
    void noErrorsOrStackTracesWereLogged() {
        root.detachAppender(log);
        assertThat(log.list).as("log events at ERROR or with a stack trace")
                .noneMatch(event -> event.getLevel().isGreaterOrEqual(Level.ERROR) || event.getThrowableProxy() != null);
        for (String value : PhiValues.ALL) {
            assertThat(log.list).noneMatch(event -> event.getFormattedMessage().contains(value));
        }
    }

    private static String fieldOf400(HttpJson.Response response) {
        assertThat(response.status()).as(response.text()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        return response.json().path("errors").path(0).path("field").asText();
    }

    @Test
    void datesAtTheEndOfTimeInTheDecisionApiNameTheirField() {
        assertThat(fieldOf400(http.post("/api/v1/decisions", Requests.workedExample()
                .replace("\"asOf\": \"2026-03-09T10:15:00-04:00\"", "\"asOf\": \"" + END_OF_TIME + "\"")))).isEqualTo("asOf");
        assertThat(fieldOf400(http.post("/api/v1/decisions", Requests.workedExample()
                .replace("\"dischargeAt\": \"2026-03-09T08:00:00-04:00\"", "\"dischargeAt\": \"" + END_OF_TIME + "\""))))
                .isEqualTo("carePlan.dischargeAt");
        assertThat(fieldOf400(http.post("/api/v1/decisions", Requests.workedExample()
                .replace("\"asOf\": \"2026-03-09T10:15:00-04:00\"", "\"asOf\": \"-999999999-01-01T00:00:00Z\"")))).isEqualTo("asOf");
    }

    @Test
    void aDueDateCountedPastTheLastYearNamesTheDateItWasCountedFromAndRecordsNothing() {
        long before = decisionsRecorded();
        HttpJson.Response refused = http.post("/api/v1/decisions", Requests.workedExample()
                .replace("\"dischargeAt\": \"2026-03-09T08:00:00-04:00\"", "\"dischargeAt\": \"9999-12-31T23:59:59Z\""));
        assertThat(fieldOf400(refused)).isEqualTo("carePlan.dischargeAt");
        assertThat(refused.json().path("errors").path(0).path("message").asText()).contains("after the year 9999");
        assertThat(decisionsRecorded()).isEqualTo(before);
        // in a batch, the field is named under its request, and none of the batch is recorded
        String batch = "{\"requests\": [" + Requests.workedExample(UUID.randomUUID().toString()) + ", " + Requests.workedExample(
                UUID.randomUUID().toString()).replace("\"dischargeAt\": \"2026-03-09T08:00:00-04:00\"", "\"dischargeAt\": \"9999-12-31T23:59:59Z\"")
                + "]}";
        assertThat(fieldOf400(http.post("/api/v1/decisions/batch", batch))).isEqualTo("requests[1].carePlan.dischargeAt");
        assertThat(decisionsRecorded()).isEqualTo(before);
        // the last day from which the term still ends in range is taken
        assertThat(http.post("/api/v1/decisions", Requests.workedExample()
                .replace("\"dischargeAt\": \"2026-03-09T08:00:00-04:00\"", "\"dischargeAt\": \"9999-12-01T08:00:00Z\"")).status())
                .isEqualTo(200);
    }

    @Test
    void theNulCharacterInABodyOrAParameterIsA400NamingTheField() {
        assertThat(fieldOf400(http.post("/api/v1/decisions", Requests.workedExample()
                .replace("\"id\": \"pt-1001\"", "\"id\": \"pt-\\u00001001\"")))).isEqualTo("patient.id");
        assertThat(fieldOf400(http.post("/api/v1/decisions", Requests.workedExample()
                .replaceFirst("\"requestId\": \"[^\"]*\"", Matcher.quoteReplacement("\"requestId\": \"r-\\u0000\""))))).isEqualTo("requestId");
        assertThat(fieldOf400(http.get("/api/v1/decisions?taskId=t-%001"))).isEqualTo("taskId");
        assertThat(fieldOf400(http.asUser("compliance").get("/api/v1/audit/events?patientId=%00"))).isEqualTo("patientId");
        HttpJson admin = session("admin");
        HttpJson.Response form = admin.post("/console/admin/api-keys", "name=a%00b&roles=INTEGRATION",
                "Content-Type", "application/x-www-form-urlencoded", "Accept", "text/html", "X-CSRF-TOKEN", csrf(admin));
        assertThat(form.status()).as(form.text()).isEqualTo(400);
        assertThat(form.text()).contains("name").doesNotContain("a\u0000b");
    }

    @Test
    void aBodyWithTwoJsonValuesIsA400() {
        String twice = Requests.workedExample() + Requests.workedExample();
        assertThat(fieldOf400(http.post("/api/v1/decisions", twice))).isEqualTo("$");
    }

    @Test
    void datesAtTheEndOfTimeInAuditFiltersAndKeysNameTheirField() {
        assertThat(fieldOf400(http.asUser("compliance").get("/api/v1/audit/events?from=%2B999999999-12-31T23:59:59Z"))).isEqualTo("from");
        assertThat(fieldOf400(http.asUser("admin").post("/api/v1/api-keys",
                "{\"name\": \"forever\", \"roles\": [\"INTEGRATION\"], \"expiresAt\": \"" + END_OF_TIME + "\"}"))).isEqualTo("expiresAt");
    }

    @Test
    void patientDataInFieldsThatAreNotForItIsNeverEchoed() {
        for (String field : new String[] {"timeZone", "calendar"}) {
            String body = Requests.workedExample().replaceFirst("\"" + field + "\": \"[^\"]*\"",
                    "\"" + field + "\": \"" + PhiValues.PATIENT_NAME + " DOB " + PhiValues.BIRTH_DATE + "\"");
            HttpJson.Response refused = http.post("/api/v1/decisions", body);

            assertThat(fieldOf400(refused)).isEqualTo("practice." + field);
            assertThat(refused.text()).doesNotContain(PhiValues.PATIENT_NAME).doesNotContain(PhiValues.BIRTH_DATE);
        }
        HttpJson.Response user = http.asUser("admin").get("/api/v1/users/"
                + URLEncoder.encode(PhiValues.PATIENT_NAME, StandardCharsets.UTF_8).replace("+", "%20"));
        // a malformed id in a path names nothing: 404, like every malformed path id (docs/api.md, Ids in paths)
        assertThat(user.status()).as(user.text()).isEqualTo(404);
        // the problem's instance is the address the caller sent; the detail and the field errors do not repeat it
        assertThat(user.json().path("detail").asText() + user.json().path("errors")).doesNotContain("Publicworth");
        HttpJson.Response audit = http.asUser("compliance").get("/api/v1/audit/events?action="
                + URLEncoder.encode(PhiValues.PATIENT_NAME, StandardCharsets.UTF_8) + "&from=" + PhiValues.BIRTH_DATE);
        assertThat(audit.status()).isEqualTo(400);
        assertThat(audit.text()).doesNotContain(PhiValues.PATIENT_NAME).doesNotContain(PhiValues.BIRTH_DATE);
    }

    @Test
    void consoleFormsWithADateAtTheEndOfTimeAre400NamingTheField() {
        HttpJson admin = session("admin");
        HttpJson.Response key = admin.post("/console/admin/api-keys", "name=forever&roles=INTEGRATION&expires=%2B999999999-12-31",
                "Content-Type", "application/x-www-form-urlencoded", "Accept", "text/html", "X-CSRF-TOKEN", csrf(admin));
        assertThat(key.status()).as(key.text()).isEqualTo(400);
        assertThat(key.text()).contains("expiresAt");

        HttpJson compliance = session("compliance");
        HttpJson.Response search = compliance.post("/console/audit", "from=%2B999999999-12-31T23%3A59&patientId=pt-1",
                "Content-Type", "application/x-www-form-urlencoded", "Accept", "text/html", "X-CSRF-TOKEN", csrf(compliance));
        assertThat(search.status()).as(search.text()).isEqualTo(400);
        assertThat(search.text()).contains("from");
    }

    @Test
    void consoleFormsWithMissingFieldsAre400NamingTheField() {
        HttpJson admin = session("admin");
        HttpJson.Response key = admin.post("/console/admin/api-keys", "",
                "Content-Type", "application/x-www-form-urlencoded", "Accept", "text/html", "X-CSRF-TOKEN", csrf(admin));
        assertThat(key.status()).isEqualTo(400);
        assertThat(key.text()).contains("name");
        HttpJson.Response user = admin.post("/console/admin/users", "",
                "Content-Type", "application/x-www-form-urlencoded", "Accept", "text/html", "X-CSRF-TOKEN", csrf(admin));
        assertThat(user.status()).isEqualTo(400);
        assertThat(user.text()).contains("username");
    }

    private long decisionsRecorded() {
        return jdbc.sql("select count(*) from decision").query(Long.class).single();
    }

    private HttpJson session(String name) {
        HttpJson browser = http.browser();
        Matcher csrf = CSRF_FIELD.matcher(browser.get("/login", "Accept", "text/html").text());
        assertThat(csrf.find()).isTrue();
        HttpJson.Response login = browser.post("/login", "username=" + name + "&password=" + HttpJson.TEST_PASSWORD + "&_csrf="
                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8), "Content-Type", "application/x-www-form-urlencoded");
        assertThat(login.status()).isEqualTo(302);
        return browser;
    }

    private static String csrf(HttpJson browser) {
        JsonNode me = browser.get("/api/v1/me").json();
        return me.path("csrf").path("token").asText();
    }
}
