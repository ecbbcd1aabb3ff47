package app.baton.cdshooks;

import app.baton.HttpJson;
import app.baton.WebIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CDS Hooks service over HTTP with the demo EHR's tokens: discovery, patient-view on a patient with an open TCM
 * plan, encounter-discharge, prefetch rules (412, fhirAuthorization only with fhirServer; reading from a fhirServer:
 * {@link CdsHooksFhirServerIntegrationTests}) and
 * feedback (accepted needs acceptedSuggestions), each card keeping the CDS Hooks contract.
 */
class CdsHooksIntegrationTests extends WebIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    JdbcClient jdbc;

    private String patientWithOpenTcmPlan() {
        String source = UUID.randomUUID().toString();
        HttpJson.Response intake = http.post("/api/v1/intake/discharges", """
                {"sourceSystem": "EHR-ADT", "sourceId": "%s",
                 "patient": {"id": "pt-%s", "payer": "MEDICARE", "memberId": "1EG4-TE5-MK72", "language": "en", "location": "MAIN_CLINIC",
                             "consentOnFile": true},
                 "program": "TCM", "complexity": "HIGH", "dischargeAt": "2026-03-09T08:00:00-04:00"}
                """.formatted(source, source));
        assertThat(intake.status()).as(intake.text()).isIn(200, 201);
        return "pt-" + source;
    }

    private HttpJson.Response hook(String service, String body) {
        return CdsHooks.ehr(http).post("/cds-services/" + service, body);
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> all = new ArrayList<>();
        array.forEach(all::add);
        return all;
    }

    /** Every rule the spec sets for a card, read from the JSON the EHR receives. */
    private static void keepsTheContract(JsonNode card) {
        assertThat(UUID.fromString(card.path("uuid").asText())).isNotNull();
        assertThat(card.path("summary").asText()).isNotBlank().hasSizeLessThan(140);
        assertThat(card.path("indicator").asText()).isIn("info", "warning", "critical");
        assertThat(card.path("source").path("label").asText()).isEqualTo("Baton");
        assertThat(card.path("source").path("topic").path("system").asText()).isEqualTo("urn:baton:rule-row");
        assertThat(card.path("source").path("topic").path("code").asText()).matches("\\d+\\|.+");
        if (!card.path("suggestions").isEmpty()) {
            assertThat(card.path("selectionBehavior").asText()).isIn("at-most-one", "any");
            for (JsonNode suggestion : card.path("suggestions")) {
                assertThat(UUID.fromString(suggestion.path("uuid").asText())).isNotNull();
                for (JsonNode action : suggestion.path("actions")) {
                    assertThat(action.path("type").asText()).isIn("create", "update", "delete");
                    assertThat(action.path("description").asText()).isNotBlank();
                    if (action.path("type").asText().equals("delete")) {
                        assertThat(action.path("resourceId").isEmpty()).isFalse();
                    } else {
                        assertThat(action.path("resource").path("resourceType").asText()).isEqualTo("Task");
                        // the Task the EHR is to create or update is valid R4, by the validator Baton holds its FHIR inputs to
                        assertThat(app.baton.fhir.R4OutputCheck.errors(action.path("resource").toString())).as(action.toString()).isEmpty();
                    }
                }
            }
        }
        assertThat(card.path("overrideReasons").isEmpty()).isFalse();
        card.path("overrideReasons").forEach(reason -> {
            assertThat(reason.path("system").asText()).isEqualTo("urn:baton:cds-override-reason");
            assertThat(reason.path("code").asText()).isNotBlank();
            assertThat(reason.path("display").asText()).isNotBlank();
        });
        card.path("links").forEach(link -> {
            assertThat(link.path("url").asText()).startsWith("http://localhost:8080/console/tasks/");
            assertThat(link.path("type").asText()).isEqualTo("absolute");
        });
    }

    @Test
    void discoveryNeedsAnEhrTokenAndListsBothServicesWithTheirPrefetch() {
        assertThat(http.get("/cds-services").status()).as("an API key is not an EHR token").isEqualTo(401);
        assertThat(http.anonymous().get("/cds-services").status()).isEqualTo(401);

        HttpJson.Response discovery = CdsHooks.ehr(http).get("/cds-services");

        assertThat(discovery.status()).as(discovery.text()).isEqualTo(200);
        assertThat(list(discovery.json().path("services"))).extracting(s -> s.path("id").asText())
                .containsExactly("patient-view", "encounter-discharge");
        JsonNode discharge = discovery.json().path("services").path(1);
        assertThat(discharge.path("hook").asText()).isEqualTo("encounter-discharge");
        assertThat(discharge.path("prefetch").path("encounter").asText()).isEqualTo("Encounter/{{context.encounterId}}");
        assertThat(discharge.path("prefetch").path("coverage").asText()).isEqualTo("Coverage?patient={{context.patientId}}&status=active");
    }

    @Test
    void patientViewAnswersWithCardsFromRecordedDecisionsNamingTheirRows() {
        String patient = patientWithOpenTcmPlan();

        HttpJson.Response answer = hook("patient-view", CdsHooks.patientView(patient));

        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        List<JsonNode> cards = list(answer.json().path("cards"));
        assertThat(cards).isNotEmpty();
        cards.forEach(CdsHooksIntegrationTests::keepsTheContract);
        // the discharge was in March: the plan's first task is overdue, and the card says so
        assertThat(cards).anySatisfy(card -> {
            assertThat(card.path("indicator").asText()).isEqualTo("warning");
            assertThat(card.path("summary").asText()).startsWith("Overdue: ");
        });
        JsonNode first = cards.get(0);
        // the row of a table, or the line of a DRL rule, as every decision names it
        assertThat(first.path("source").path("topic").path("code").asText())
                .matches("\\d+\\|(decision-tables/.+#.+!row \\d+|rules/.+#line \\d+)");
        assertThat(first.path("suggestions").path(0).path("actions").path(0).path("type").asText()).isEqualTo("update");
        assertThat(first.path("suggestions").path(0).path("actions").path(0).path("resource").path("for").path("reference").asText())
                .isEqualTo("Patient/" + patient);

        UUID cardId = UUID.fromString(first.path("uuid").asText());
        var stored = jdbc.sql("""
                        select d.asked_by, d.rule_set_version = c.rule_set_version as same_version, d.task_id = c.task_id as same_task
                        from cds_card c join decision d on d.id = c.decision_id where c.id = :id""")
                .param("id", cardId).query((rs, n) -> List.of(rs.getString(1), rs.getBoolean(2), rs.getBoolean(3))).single();
        assertThat(stored).containsExactly("CDS_HOOKS", true, true);
        assertThat(jdbc.sql("""
                        select count(*) from audit_event a join cds_card c on a.object_id = c.decision_id::text
                        where c.id = :id and a.action = 'CREATE'""").param("id", cardId).query(Long.class).single())
                .as("the decision behind the card is audited like every decision").isEqualTo(1L);
    }

    @Test
    void aPatientWithoutOpenWorkGetsNoCardsAndTheCallIsStillAudited() {
        String patient = "pt-nobody-" + UUID.randomUUID();
        HttpJson.Response answer = hook("patient-view", CdsHooks.patientView(patient));

        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertThat(answer.json().path("cards").isArray()).isTrue();
        assertThat(answer.json().path("cards").isEmpty()).isTrue();
        assertThat(jdbc.sql("select actor, action from audit_event where object_type = 'cds_hook_call' and patient_id = :p")
                .param("p", patient).query((rs, n) -> rs.getString(1) + " " + rs.getString(2)).list())
                .containsExactly("ehr:demo-ehr READ");
    }

    @Test
    void encounterDischargeShowsThePlanAsTasksToCreate() {
        HttpJson.Response answer = hook("encounter-discharge", CdsHooks.encounterDischarge("pt-" + UUID.randomUUID(), "2026-11-30T10:00:00-05:00"));

        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        List<JsonNode> cards = list(answer.json().path("cards"));
        cards.forEach(CdsHooksIntegrationTests::keepsTheContract);
        JsonNode plan = cards.get(0);
        assertThat(plan.path("summary").asText()).startsWith("Baton starts a TCM plan of ");
        List<JsonNode> actions = list(plan.path("suggestions").path(0).path("actions"));
        assertThat(actions).isNotEmpty().allSatisfy(action -> {
            assertThat(action.path("type").asText()).isEqualTo("create");
            assertThat(action.path("resource").path("intent").asText()).isEqualTo("order");
            assertThat(action.path("resource").path("restriction").path("period").path("end").asText()).isNotBlank();
        });
        assertThat(plan.path("detail").asText()).contains("| task | queue | due |");
    }

    @Test
    void aDischargeWithoutItsEndTimeGetsAMissingInformationCard() {
        String body = CdsHooks.encounterDischarge("pt-" + UUID.randomUUID(), "2026-11-30T10:00:00-05:00")
                .replace(", \"end\": \"2026-11-30T10:00:00-05:00\"", "");

        HttpJson.Response answer = hook("encounter-discharge", body);

        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertThat(list(answer.json().path("cards"))).anySatisfy(card -> {
            assertThat(card.path("indicator").asText()).isEqualTo("warning");
            assertThat(card.path("summary").asText()).contains("dischargeAt");
        });
    }

    @Test
    void missingPrefetchWithoutFhirServerIs412NamingTheKey() {
        HttpJson.Response answer = hook("patient-view", """
                {"hook": "patient-view", "hookInstance": "%s", "context": {"patientId": "pt-1"}, "prefetch": {"patient": null}}
                """.formatted(UUID.randomUUID()));

        assertThat(answer.status()).as(answer.text()).isEqualTo(412);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().path("errors").path(0).path("field").asText()).isEqualTo("prefetch.coverage");
    }

    @Test
    void fhirAuthorizationWithoutFhirServerIs400() {
        HttpJson.Response answer = hook("patient-view", """
                {"hook": "patient-view", "hookInstance": "%s", "context": {"patientId": "pt-1"},
                 "fhirAuthorization": {"access_token": "abc", "token_type": "Bearer", "expires_in": 300, "scope": "patient/*.read",
                                       "subject": "baton"},
                 "prefetch": {"patient": null, "coverage": null}}
                """.formatted(UUID.randomUUID()));

        assertThat(answer.status()).as(answer.text()).isEqualTo(400);
        assertThat(list(answer.json().path("errors"))).extracting(e -> e.path("field").asText()).containsExactly("fhirAuthorization");
    }

    @Test
    void feedbackCountsAgainstTheCardsRowAndAcceptedNeedsItsSuggestions() throws Exception {
        HttpJson.Response answer = hook("patient-view", CdsHooks.patientView(patientWithOpenTcmPlan()));
        JsonNode card = answer.json().path("cards").path(0);
        String cardId = card.path("uuid").asText();
        String suggestion = card.path("suggestions").path(0).path("uuid").asText();
        String row = card.path("source").path("topic").path("code").asText();

        HttpJson.Response noSuggestions = CdsHooks.ehr(http).post("/cds-services/patient-view/feedback", """
                {"feedback": [{"card": "%s", "outcome": "accepted", "outcomeTimestamp": "2026-12-03T10:00:00Z"}]}
                """.formatted(cardId));
        assertThat(noSuggestions.status()).as(noSuggestions.text()).isEqualTo(400);
        assertThat(list(noSuggestions.json().path("errors"))).extracting(e -> e.path("field").asText())
                .containsExactly("feedback[0].acceptedSuggestions");
        assertThat(jdbc.sql("select count(*) from cds_feedback where card_id = :id").param("id", UUID.fromString(cardId))
                .query(Long.class).single()).as("a refused feedback stores nothing").isZero();

        HttpJson.Response accepted = CdsHooks.ehr(http).post("/cds-services/patient-view/feedback", """
                {"feedback": [{"card": "%s", "outcome": "accepted", "acceptedSuggestions": [{"id": "%s"}],
                               "outcomeTimestamp": "2026-12-03T10:00:00Z"}]}
                """.formatted(cardId, suggestion));
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(200);

        HttpJson.Response again = hook("patient-view", CdsHooks.patientView(patientWithOpenTcmPlan()));
        JsonNode sameRow = list(again.json().path("cards")).stream()
                .filter(c -> c.path("source").path("topic").path("code").asText().equals(row)).findFirst().orElseThrow();
        HttpJson.Response overridden = CdsHooks.ehr(http).post("/cds-services/patient-view/feedback", """
                {"feedback": [{"card": "%s", "outcome": "overridden", "outcomeTimestamp": "2026-12-03T10:05:00Z",
                               "overrideReason": {"reason": {"system": "urn:baton:cds-override-reason", "code": "already-done"},
                                                  "userComment": "called yesterday"}}]}
                """.formatted(sameRow.path("uuid").asText()));
        assertThat(overridden.status()).as(overridden.text()).isEqualTo(200);

        int version = Integer.parseInt(row.substring(0, row.indexOf('|')));
        HttpJson.Response figures = http.asUser("clinlead").get("/api/v1/cds-hooks/row-figures?version=" + version);
        assertThat(figures.status()).as(figures.text()).isEqualTo(200);
        JsonNode figure = list(figures.json()).stream().filter(f -> (f.path("ruleSetVersion").asInt() + "|" + f.path("row").asText()).equals(row))
                .findFirst().orElseThrow();
        assertThat(figure.path("accepted").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(figure.path("overridden").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(figure.path("cards").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(list(figure.path("reasons"))).anySatisfy(reason -> {
            assertThat(reason.path("code").asText()).isEqualTo("already-done");
            assertThat(reason.path("display").asText()).isEqualTo("Already done");
        });
        assertThat(figures.text()).as("no comment, no patient in the figures").doesNotContain("called yesterday").doesNotContain("pt-");

        HttpJson.Response everyVersion = http.asUser("clinlead").get("/api/v1/cds-hooks/row-figures");
        assertThat(list(everyVersion.json())).anySatisfy(f -> assertThat(f.path("ruleSetVersion").asInt() + "|" + f.path("row").asText())
                .isEqualTo(row));
        HttpJson.Response page = http.asUser("clinlead").get("/console/cds-feedback?version=" + version, "Accept", "text/html");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains(row.substring(row.indexOf('|') + 1)).contains("Already done (").doesNotContain("called yesterday");
    }

    @Test
    void feedbackOnACardBatonNeverGaveIs400NamingIt() {
        HttpJson.Response answer = CdsHooks.ehr(http).post("/cds-services/patient-view/feedback", """
                {"feedback": [{"card": "%s", "outcome": "overridden", "outcomeTimestamp": "2026-12-03T10:00:00Z"}]}
                """.formatted(UUID.randomUUID()));

        assertThat(answer.status()).as(answer.text()).isEqualTo(400);
        assertThat(list(answer.json().path("errors"))).extracting(e -> e.path("field").asText()).containsExactly("feedback[0].card");
    }
}
