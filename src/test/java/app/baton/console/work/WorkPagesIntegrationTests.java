package app.baton.console.work;

import app.baton.HttpJson;
import app.baton.PhiValues;
import app.baton.WebIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The work pages follow the API's rules without a browser: minimum necessary (note texts for clinical
 * roles only), buttons only for roles that may press them, another location's task "not found" in plain
 * words, a bad filter named next to its field, and no patient data in a page's title.
 */
class WorkPagesIntegrationTests extends WebIntegrationTest {

    String planId;
    String contactId;

    @BeforeEach
    void plan() {
        planId = discharge("MAIN_CLINIC").path("planId").asText();
        contactId = contact(planId);
        assertThat(http.asUser("coordinator").post("/api/v1/tasks/" + contactId + "/activities",
                "{\"kind\": \"NOTE\", \"text\": \"" + PhiValues.NOTE + "\"}").status()).isEqualTo(201);
    }

    @Test
    void noteTextsOnlyForClinicalRolesAndButtonsOnlyForThoseWhoMayPressThem() {
        String nurse = page("nurse", "/console/tasks/" + contactId);
        assertThat(nurse).contains(PhiValues.NOTE).contains("Mark done").contains("Record what you did");

        String billing = page("billing", "/console/tasks/" + contactId);
        assertThat(billing).doesNotContain(PhiValues.NOTE).contains("Note texts are left out");

        String leader = page("leader", "/console/tasks/" + contactId);
        assertThat(leader).doesNotContain(PhiValues.NOTE).doesNotContain("Mark done").doesNotContain("Record what you did");

        for (String body : new String[]{nurse, billing, leader}) {
            assertThat(title(body)).isEqualTo("Task · Baton").doesNotContain("pt-");
        }
    }

    @Test
    void whyOpensTheDecisionThatSetTheTasksQueueAndPrompt() {
        String decisionId = http.asUser("coordinator").get("/api/v1/tasks/" + contactId).json().path("decisionId").asText();
        assertThat(decisionId).isNotBlank();
        assertThat(page("coordinator", "/console/tasks/" + contactId)).contains("href=\"/console/decisions/" + decisionId + "\"");
        assertThat(page("coordinator", "/console/decisions/" + decisionId)).contains("A logged activity, acting: coordinator");
    }

    @Test
    void anotherLocationsTaskIsNotFoundInPlainWords() {
        String satelliteTask = contact(discharge("SATELLITE_CLINIC").path("planId").asText());
        HttpJson.Response response = http.asUser("coordinator").get("/console/tasks/" + satelliteTask, "Accept", "text/html");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.text()).contains("no task with this id").doesNotContain("Exception").doesNotContain("at app.baton");
    }

    @Test
    void aFilterTheTrackerRefusesIsNamedNextToItsField() {
        HttpJson.Response response = http.asUser("coordinator").get("/console/work?program=NOPE", "Accept", "text/html");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text()).contains("id=\"program-error\"").contains("not one of");
        assertThat(page("coordinator", "/console/work/queues/CARE_COORDINATION?program=TCM")).contains("/console/tasks/" + contactId);
        assertThat(page("frontdesk", "/console/work")).doesNotContain("/console/tasks/" + contactId);
    }

    private String page(String user, String path) {
        HttpJson.Response response = http.asUser(user).get(path, "Accept", "text/html");
        assertThat(response.status()).as(user + " " + path + ": " + response.text()).isEqualTo(200);
        return response.text();
    }

    private static String title(String html) {
        return html.substring(html.indexOf("<title>") + 7, html.indexOf("</title>"));
    }

    private JsonNode discharge(String location) {
        String sourceId = "pages-" + UUID.randomUUID();
        HttpJson.Response intake = http.post("/api/v1/intake/discharges", """
                {"sourceSystem": "EHR-ADT", "sourceId": "%s",
                 "patient": {"id": "pt-%s", "payer": "MEDICARE", "memberId": "%s", "language": "en", "location": "%s",
                             "consentOnFile": true},
                 "program": "TCM", "complexity": "HIGH", "dischargeAt": "2026-03-09T08:00:00-04:00"}
                """.formatted(sourceId, sourceId.substring(6, 14), PhiValues.MEMBER_ID, location));
        assertThat(intake.status()).as(intake.text()).isEqualTo(201);
        return intake.json();
    }

    private String contact(String plan) {
        for (JsonNode t : http.get("/api/v1/plans/" + plan).json().path("tasks")) {
            if (t.path("taskType").asText().equals("TCM_INTERACTIVE_CONTACT")) {
                return t.path("id").asText();
            }
        }
        throw new AssertionError("no contact task in plan " + plan);
    }
}
