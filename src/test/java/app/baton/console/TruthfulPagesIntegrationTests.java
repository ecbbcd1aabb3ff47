package app.baton.console;

import app.baton.HttpJson;
import app.baton.PhiValues;
import app.baton.WebIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import app.baton.notification.Audience;
import app.baton.notification.Notice;
import app.baton.notification.Notifications;
import app.baton.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Pages that tell the truth: no word about features "to come" that exist, a start page describing what
 * the reader's roles can do, a favicon served to everyone, and a booked visit read back by the role
 * that booked it, in the API and the console.
 */
class TruthfulPagesIntegrationTests extends WebIntegrationTest {

    private static final Pattern CODE = Pattern.compile("\\b[A-Z][A-Z_]*[A-Z]\\b");

    @Autowired
    Labels labels;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @Autowired
    Notifications notifications;
    @Autowired
    PlatformTransactionManager transactions;

    /**
     * People read words: on every page a person works from, no code that has a label is shown bare. The code
     * stays where an integrator or rule author needs it, as a {@code <code>} line or a tooltip (an attribute).
     */
    @Test
    void noPageShowsABareCodeWhereALabelExists() {
        String planId = discharge().path("planId").asText();
        String task = http.get("/api/v1/plans/" + planId).json().path("tasks").get(0).path("id").asText();
        String decision = http.asUser("coordinator").get("/api/v1/decisions?taskId=" + task).json().path("decisions").get(0).path("decisionId").asText();
        HttpJson.Response impact = http.asUser("clinlead").post("/api/v1/rule-sets/1/impact-analyses", "{\"lastDays\": 30}");
        assertThat(impact.status()).as(impact.text()).isEqualTo(202);
        String analysis = "/console/rules/1/impact-analyses/" + impact.json().path("id").asText();
        await().atMost(Duration.ofSeconds(60)).until(() -> !page("clinlead", analysis).contains("Decisions replayed"));
        JsonNode report = http.asUser("clinlead").get("/api/v1/rule-sets/1/impact-analyses/" + impact.json().path("id").asText()).json();
        assertThat(report.path("status").asText()).as(report.toString()).isEqualTo("COMPLETED");

        Map<String, List<String>> pages = Map.of(
                "coordinator", List.of("/console", "/console/work", "/console/tasks/" + task, "/console/notifications",
                        "/console/decisions/" + decision),
                "frontdesk", List.of("/console", "/console/work", "/console/tasks/" + task),
                "leader", List.of("/console", "/console/dashboards", "/console/dashboards/exceptions"),
                "compliance", List.of("/console", "/console/rules", "/console/rules/1", "/console/audit",
                        "/console/decisions/" + decision, "/console/audit/break-glass"),
                "clinlead", List.of("/console/rules/1", analysis),
                "admin", List.of("/console/admin/webhooks", "/console/admin/users", "/console/admin/api-keys"));
        List<String> bare = new ArrayList<>();
        pages.forEach((user, paths) -> paths.forEach(path -> {
            Set<String> codes = bareCodes(page(user, path));
            if (!codes.isEmpty()) {
                bare.add(user + " " + path + ": " + codes);
            }
        }));
        assertThat(bare).isEmpty();
        assertThat(page("nurse", "/console/tasks/" + task)).doesNotContain("Mark BLOCKED_MISSING_INFO").doesNotContain(">Mark DONE<");
    }

    /** The closure checklist says "every task is done or cancelled" once, listing the open tasks. */
    @Test
    void theClosureChecklistNamesTheOpenTasksOnce() {
        String planId = discharge().path("planId").asText();
        JsonNode plan = http.get("/api/v1/plans/" + planId).json();
        String body = page("coordinator", "/console/tasks/" + plan.path("tasks").get(0).path("id").asText());

        assertThat(body.split("every task is done or cancelled", -1)).hasSize(2);
        String open = body.substring(body.indexOf("id=\"closure-open-tasks\""));
        open = open.substring(0, open.indexOf("</li>"));
        for (JsonNode t : plan.path("tasks")) {
            assertThat(open).contains("/console/tasks/" + t.path("id").asText());
        }
    }

    /** A plan's completion says what it is about and links to the plan; the plan link opens its tasks. */
    @Test
    void aPlanCompletionSaysWhatItIsAboutAndLinksToThePlan() {
        String planId = discharge().path("planId").asText();
        new TransactionTemplate(transactions).execute(status -> notifications.publish(new Notice(Notice.COMPLETION,
                Audience.role(Role.CARE_COORDINATOR), planId, null, Map.of("program", "TCM", "scope", "PLAN"))));

        await().atMost(Duration.ofSeconds(30)).until(() -> page("coordinator", "/console/notifications").contains("/console/plans/" + planId));
        String inbox = page("coordinator", "/console/notifications");
        String row = inbox.substring(inbox.lastIndexOf("<tr", inbox.indexOf("/console/plans/" + planId)));
        row = row.substring(0, row.indexOf("</tr>"));
        assertThat(row).contains("Completed").contains("A care plan").contains(labels.program("TCM")).contains("open the care plan");

        HttpJson.Response plan = http.asUser("coordinator").get("/console/plans/" + planId, "Accept", "text/html");
        assertThat(plan.status()).isEqualTo(302);
        assertThat(plan.header("Location")).contains("/console/tasks/");
        assertThat(http.asUser("coordinator").get("/console/plans/" + UUID.randomUUID(), "Accept", "text/html").status()).isEqualTo(404);
    }

    /** The upper-case codes with a label that the page shows as text (tags, attributes, code elements and scripts removed). */
    private Set<String> bareCodes(String html) {
        String text = html.replaceAll("(?s)<head>.*?</head>", " ").replaceAll("(?s)<script.*?</script>", " ")
                .replaceAll("(?s)<code[^>]*>.*?</code>", " ").replaceAll("(?s)<[^>]+>", " ");
        Set<String> codes = new TreeSet<>();
        Matcher m = CODE.matcher(text);
        while (m.find()) {
            if (labels.codes().contains(m.group()) && !labels.inLabels(m.group())) {
                codes.add(m.group());
            }
        }
        return codes;
    }

    @Test
    void noPageSaysThatWhatRunsIsStillToCome() {
        String lead = page("clinlead", "/console");
        assertThat(lead).doesNotContain("come to the console with").contains("upload, review, approve, activate");

        String compliance = page("compliance", "/console");
        assertThat(compliance).doesNotContain("upload, review, approve, activate")
                .contains("read each version&#39;s tables, test gate, changes and who approved and activated it");

        assertThat(page("leader", "/console/dashboards")).doesNotContain("still being built").contains("escalation sweep sends each one");
    }

    @Test
    void theFaviconIsServedToEveryoneAndItsRequestIsNoRefusal() {
        HttpJson.Response icon = http.anonymous().get("/favicon.ico");
        assertThat(icon.status()).isEqualTo(200);
        assertThat(icon.contentType()).contains("icon");
        assertThat(http.asUser("nurse").get("/favicon.ico").status()).isEqualTo(200);
    }

    @Test
    void frontDeskReadsBackTheVisitItBooksAndChangesNoFactItCannotRead() {
        String planId = discharge().path("planId").asText();
        HttpJson frontDesk = http.asUser("frontdesk");
        int version = frontDesk.get("/api/v1/plans/" + planId).json().path("version").asInt();

        HttpJson.Response booked = frontDesk.send("PATCH", "/api/v1/plans/" + planId,
                "{\"version\": " + version + ", \"fields\": {\"faceToFaceAt\": \"2026-03-13T09:30:00-04:00\"}}");

        assertThat(booked.status()).as(booked.text()).isEqualTo(200);
        assertThat(booked.json().path("facts").path("faceToFaceAt").asText()).isEqualTo("2026-03-13T09:30:00-04:00");
        assertThat(booked.json().path("withheld")).extracting(JsonNode::asText).doesNotContain("faceToFaceAt").contains("complexity");
        assertThat(http.asUser("billing").get("/api/v1/plans/" + planId).json().path("facts").has("faceToFaceAt")).isTrue();
        assertThat(http.asUser("leader").get("/api/v1/plans/" + planId).json().path("facts").has("faceToFaceAt")).isFalse();

        int now = booked.json().path("version").asInt();
        HttpJson.Response clinical = frontDesk.send("PATCH", "/api/v1/plans/" + planId,
                "{\"version\": " + now + ", \"fields\": {\"complexity\": \"MODERATE\", \"faceToFaceAt\": \"2026-03-14T09:30:00-04:00\"}}");
        assertThat(clinical.status()).isEqualTo(403);
        assertThat(clinical.json().path("type").asText()).endsWith("field-not-allowed");
        assertThat(clinical.json().path("errors")).extracting(e -> e.path("field").asText()).containsExactly("fields.complexity");
        assertThat(clinical.text()).doesNotContain("MODERATE");
        assertThat(jdbc.sql("""
                        select details ->> 'fields' from audit_event where outcome = 'DENIED' and actor = 'frontdesk'
                        and category = 'CARE_PLAN' and object_id = :plan""").param("plan", planId).query(String.class).list())
                .as("the refusal is in the audit trail by the refused caller, naming the field, not its value")
                .containsExactly("fields.complexity");
        assertThat(http.get("/api/v1/plans/" + planId).json().path("facts").path("faceToFaceAt").asText())
                .as("a refused change leaves nothing half-written").isEqualTo("2026-03-13T09:30:00-04:00");

        String task = http.get("/api/v1/plans/" + planId).json().path("tasks").get(0).path("id").asText();
        assertThat(page("frontdesk", "/console/tasks/" + task)).containsPattern("Face-to-face visit booked for\\s*<span class=\"hint\">\\(now ");
    }

    private String page(String user, String path) {
        HttpJson.Response response = http.asUser(user).get(path, "Accept", "text/html");
        assertThat(response.status()).as(user + " " + path + ": " + response.text()).isEqualTo(200);
        return response.text();
    }

    private JsonNode discharge() {
        String sourceId = "truth-" + UUID.randomUUID();
        HttpJson.Response intake = http.post("/api/v1/intake/discharges", """
                {"sourceSystem": "EHR-ADT", "sourceId": "%s",
                 "patient": {"id": "pt-%s", "payer": "MEDICARE", "memberId": "%s", "language": "en", "location": "MAIN_CLINIC",
                             "consentOnFile": true},
                 "program": "TCM", "complexity": "HIGH", "dischargeAt": "2026-03-09T08:00:00-04:00"}
                """.formatted(sourceId, sourceId.substring(6, 14), PhiValues.MEMBER_ID));
        assertThat(intake.status()).as(intake.text()).isEqualTo(201);
        return intake.json();
    }
}
