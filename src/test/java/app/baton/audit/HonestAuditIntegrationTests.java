package app.baton.audit;

import app.baton.HttpJson;
import app.baton.WebIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit trail says what happened, by whom: an API call is no login, a refusal is DENIED by the
 * refused caller, and an export can be re-hashed by an outside verifier exactly as
 * docs/compliance-guide.md ("The hash, precisely") describes.
 */
class HonestAuditIntegrationTests extends WebIntegrationTest {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final List<String> HASHED = List.of("sequence_number", "id", "occurred_at", "actor", "actor_type", "patient_id",
            "action", "category", "object_type", "object_id", "outcome", "source_address", "correlation_id", "emergency",
            "details", "previous_hash");

    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditChainer chainer;

    private long count(String where, String value) {
        return jdbc.sql("select count(*) from audit_event where " + where).param("v", value).query(Long.class).single();
    }

    @Test
    void anApiCallWithBasicCredentialsIsNoLogin() {
        long logins = count("action = 'LOGIN' and (object_id = :v or actor = 'anonymous')", "frontdesk");

        for (int call = 0; call < 3; call++) {
            assertThat(http.asUser("frontdesk").get("/api/v1/me").status()).isEqualTo(200);
        }

        assertThat(count("action = 'LOGIN' and (object_id = :v or actor = 'anonymous')", "frontdesk")).isEqualTo(logins);
    }

    @Test
    void aConsoleLoginIsALoginByThePersonWhoLoggedIn() {
        long logins = count("action = 'LOGIN' and actor = :v and object_id = 'billing'", "billing");
        HttpJson browser = http.browser();
        Matcher token = CSRF_FIELD.matcher(browser.get("/login", "Accept", "text/html").text());
        assertThat(token.find()).isTrue();

        HttpJson.Response login = browser.post("/login", "username=billing&password=" + URLEncoder.encode(HttpJson.TEST_PASSWORD,
                StandardCharsets.UTF_8) + "&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8),
                "Content-Type", "application/x-www-form-urlencoded");

        assertThat(login.status()).isEqualTo(302);
        assertThat(count("action = 'LOGIN' and actor = :v and object_id = 'billing'", "billing")).isEqualTo(logins + 1);
    }

    @Test
    void aRefusalByTheAccessRulesIsDeniedByTheRefusedCaller() {
        long before = count("outcome = 'DENIED' and actor = :v and category = 'RULE_SET'", "billing");

        assertThat(http.asUser("billing").get("/api/v1/rule-sets/active").status()).isEqualTo(403);
        assertThat(http.asUser("billing").post("/api/v1/rule-sets/1/activation", "{\"note\": \"n\"}").status()).isEqualTo(403);
        assertThat(http.asUser("frontdesk").get("/api/v1/dashboards/exceptions").status()).isEqualTo(403);

        assertThat(count("outcome = 'DENIED' and actor = :v and category = 'RULE_SET'", "billing")).isEqualTo(before + 2);
        assertThat(jdbc.sql("""
                        select action from audit_event where outcome = 'DENIED' and actor = 'billing'
                        and object_id = '/api/v1/rule-sets/1/activation' order by staged_number desc limit 1""")
                .query(String.class).single()).isEqualTo("CREATE");
        assertThat(count("outcome = 'DENIED' and actor = :v and object_id = '/api/v1/dashboards/exceptions'", "frontdesk")).isPositive();
    }

    @Test
    void aRefusedPathLongerThanAnAuditDetailIsStillA403AndRecordedShortened() {
        String path = "/api/v1/rule-sets/" + "9".repeat(2000);

        assertThat(http.asUser("billing").get(path).status()).isEqualTo(403);

        String recorded = jdbc.sql("""
                        select details->>'path' from audit_event where outcome = 'DENIED' and actor = 'billing'
                        and object_id like '/api/v1/rule-sets/999%' order by staged_number desc limit 1""")
                .query(String.class).single();
        assertThat(recorded).hasSize(500).startsWith("/api/v1/rule-sets/999").endsWith("\u2026");
    }

    @Test
    void aQueueTheCallersRolesDoNotListIsDeniedByThatCaller() {
        long before = count("outcome = 'DENIED' and category = 'TASK' and object_id = 'AUTHORIZATIONS' and actor = :v", "frontdesk");

        HttpJson.Response refused = http.asUser("frontdesk").get("/api/v1/queues/AUTHORIZATIONS/tasks");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().path("type").asText()).endsWith("queue-not-allowed");
        assertThat(count("outcome = 'DENIED' and category = 'TASK' and object_id = 'AUTHORIZATIONS' and actor = :v", "frontdesk"))
                .isEqualTo(before + 1);
        assertThat(count("outcome = 'DENIED' and object_id = 'AUTHORIZATIONS' and actor = :v", "anonymous")).isZero();
    }

    /** An outside verifier reads the CSV and recomputes each entry's hash as the guide says. */
    @Test
    void everyExportedRowHashesAsTheComplianceGuideSays() throws IOException {
        String since = OffsetDateTime.now(ZoneOffset.UTC).minus(1, ChronoUnit.HOURS).toString().replace("+", "%2B");
        for (int call = 0; call < 20; call++) {
            http.asUser("nurse").get("/api/v1/me");
            http.asUser("billing").get("/api/v1/users");
        }
        chainer.chainStaged();

        String csv = http.asUser("compliance").get("/api/v1/audit/events.csv?from=" + since).text();
        List<List<String>> rows = new ArrayList<>();
        try (MappingIterator<List<String>> lines = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY)
                .readerForListOf(String.class).readValues(csv)) {
            lines.forEachRemaining(rows::add);
        }
        List<String> header = rows.get(0);
        assertThat(rows).hasSizeGreaterThan(20);
        int linked = 0;
        for (List<String> row : rows.subList(1, rows.size())) {
            String occurredAt = row.get(header.indexOf("occurred_at"));
            assertThat(occurredAt).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
            if (row.get(header.indexOf("hash")).isEmpty()) {
                // staged after the chainer ran (this export's own entry, for one): not in the chain yet, sequence number 0
                assertThat(row.get(header.indexOf("sequence_number"))).isEqualTo("0");
                continue;
            }
            linked++;
            assertThat(recompute(header, row)).as(String.join(",", row)).isEqualTo(row.get(header.indexOf("hash")));
        }
        assertThat(linked).isGreaterThanOrEqualTo(20);

        JsonNode page = http.asUser("compliance").get("/api/v1/audit/events?size=500&from=" + since).json();
        assertThat(page.path("events")).isNotEmpty();
        for (JsonNode event : page.path("events")) {
            assertThat(event.path("occurredAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
        }
    }

    /** "name=length:value" lines (length in UTF-8 bytes, "name=-" for an empty cell), then SHA-256 in lowercase hex. */
    private static String recompute(List<String> header, List<String> row) {
        ByteArrayOutputStream canonical = new ByteArrayOutputStream();
        for (String name : HASHED) {
            String value = row.get(header.indexOf(name));
            // a cell a spreadsheet would run as a formula is exported with a leading apostrophe
            if (value.startsWith("'") && value.length() > 1 && "=+-@\t\r".indexOf(value.charAt(1)) >= 0) {
                value = value.substring(1);
            }
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            String line = value.isEmpty() ? name + "=-\n" : name + "=" + bytes.length + ":";
            canonical.writeBytes(line.getBytes(StandardCharsets.UTF_8));
            if (!value.isEmpty()) {
                canonical.writeBytes(bytes);
                canonical.write('\n');
            }
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.toByteArray()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
