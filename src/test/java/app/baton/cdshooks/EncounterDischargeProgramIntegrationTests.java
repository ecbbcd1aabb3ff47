package app.baton.cdshooks;

import app.baton.HttpJson;
import app.baton.WebIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code encounter-discharge} decides the program from the Encounter as the FHIR intake does: a program coding in
 * {@code type} (else TCM), the setting from {@code class}, the destination from the discharge disposition; the plan
 * template then makes that program's plan (its answer and each task's decision recorded) or refuses with its reason and
 * row (its answer recorded: the card's decision).
 */
class EncounterDischargeProgramIntegrationTests extends WebIntegrationTest {

    private static final String FUH = "{\"coding\": [{\"system\": \"https://baton.app/fhir/CodeSystem/program\", \"code\": \"FUH\"}]}";
    private static final String END = "2026-11-30T10:00:00-05:00";

    @Autowired
    JdbcClient jdbc;

    private List<JsonNode> cards(String patient, String classCode, String types, String disposition) {
        HttpJson.Response answer = CdsHooks.ehr(http).post("/cds-services/encounter-discharge",
                CdsHooks.encounterDischarge(patient, END, classCode, types, disposition));
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        List<JsonNode> cards = new ArrayList<>();
        answer.json().path("cards").forEach(cards::add);
        return cards;
    }

    private List<String> created(JsonNode card) {
        List<String> types = new ArrayList<>();
        card.path("suggestions").path(0).path("actions")
                .forEach(a -> types.add(a.path("resource").path("code").path("coding").path(0).path("code").asText()));
        return types;
    }

    private List<String> recordedPrograms(JsonNode card) {
        return jdbc.sql("""
                        select d.program from cds_card c join decision d on d.id = c.decision_id where c.id = :id""")
                .param("id", UUID.fromString(card.path("uuid").asText())).query(String.class).list();
    }

    @Test
    void anInpatientDischargeHomeWithoutAProgramIsTcm() {
        JsonNode plan = cards("pt-" + UUID.randomUUID(), "IMP", "", "home").get(0);

        assertThat(plan.path("summary").asText()).startsWith("Baton starts a TCM plan of 3 tasks");
        assertThat(created(plan)).containsExactly("TCM_INTERACTIVE_CONTACT", "TCM_FACE_TO_FACE", "MEDICATION_RECONCILIATION");
        assertThat(recordedPrograms(plan)).containsExactly("TCM");
    }

    @Test
    void anEncounterOfTheFuhProgramGetsTheFuhPlanWithItsDecisionsRecorded() {
        JsonNode plan = cards("pt-" + UUID.randomUUID(), "IMP", FUH, "home").get(0);

        assertThat(plan.path("summary").asText()).startsWith("Baton starts a FUH plan of 2 tasks");
        assertThat(created(plan)).containsExactly("FUH_FOLLOW_UP_7D", "FUH_FOLLOW_UP_30D");
        assertThat(recordedPrograms(plan)).containsExactly("FUH");
        assertThat(plan.path("source").path("topic").path("code").asText()).contains("plan-template.drl.xlsx#");
    }

    /** The decision the card is kept with, as GET /api/v1/decisions/{id} reads it. */
    private JsonNode decisionOf(JsonNode card) {
        UUID decisionId = jdbc.sql("select decision_id from cds_card where id = :id")
                .param("id", UUID.fromString(card.path("uuid").asText())).query(UUID.class).single();
        assertThat(decisionId).as("every card is made from a recorded decision").isNotNull();
        HttpJson.Response read = http.get("/api/v1/decisions/" + decisionId);
        assertThat(read.status()).as(read.text()).isEqualTo(200);
        return read.json();
    }

    @Test
    void thePlanCardIsMadeFromThePlanTemplatesRecordedDecision() {
        JsonNode plan = cards("pt-" + UUID.randomUUID(), "IMP", "", "home").get(0);

        JsonNode decision = decisionOf(plan);
        assertThat(decision.path("subject").asText()).isEqualTo("PLAN_TEMPLATE");
        assertThat(decision.path("askedBy").asText()).isEqualTo("CDS_HOOKS");
        assertThat(decision.path("actor").asText()).startsWith("ehr:");
        JsonNode template = decision.path("decision").path("planTemplate");
        assertThat(template.path("eligible").asBoolean()).isTrue();
        List<String> tasks = new ArrayList<>();
        template.path("tasks").forEach(task -> tasks.add(task.path("taskType").asText()));
        assertThat(tasks).isEqualTo(created(plan));
        String topic = plan.path("source").path("topic").path("code").asText();
        assertThat(topic).isEqualTo(decision.path("ruleSetVersion").asText() + "|" + template.path("tasks").path(0).path("source").asText());
    }

    @Test
    void anEmergencyDepartmentVisitGetsOneNotEligibleCardFromTheRefusingRowsRecordedDecision() {
        for (String types : List.of("", FUH)) {
            List<JsonNode> cards = cards("pt-" + UUID.randomUUID(), "EMER", types, "home");

            assertThat(cards).hasSize(1);
            JsonNode card = cards.get(0);
            String program = types.isEmpty() ? "TCM" : "FUH";
            assertThat(card.path("summary").asText()).isEqualTo("Not eligible for " + program + ": Baton starts no plan for this discharge");
            assertThat(card.path("detail").asText()).startsWith("An emergency department visit is not");
            assertThat(card.path("suggestions").isEmpty()).isTrue();
            assertThat(card.path("overrideReasons").isEmpty()).isFalse();
            String topic = card.path("source").path("topic").path("code").asText();
            assertThat(topic).matches("\\d+\\|decision-tables/app/baton/engine/model/plan-template\\.drl\\.xlsx#.+!row \\d+");
            var stored = jdbc.sql("select rule_set_version || '|' || rule_source from cds_card where id = :id")
                    .param("id", UUID.fromString(card.path("uuid").asText())).query(String.class).single();
            assertThat(stored).isEqualTo(topic);
            // the card is the plan template's answer, recorded: version, refusing row, reason, inputs, audited
            JsonNode decision = decisionOf(card);
            assertThat(decision.path("subject").asText()).isEqualTo("PLAN_TEMPLATE");
            assertThat(decision.path("askedBy").asText()).isEqualTo("CDS_HOOKS");
            JsonNode template = decision.path("decision").path("planTemplate");
            assertThat(template.path("program").asText()).isEqualTo(program);
            assertThat(template.path("eligible").asBoolean(true)).isFalse();
            assertThat(template.path("notEligibleBecause").asText()).isEqualTo(card.path("detail").asText());
            assertThat(decision.path("ruleSetVersion").asText() + "|" + template.path("source").asText()).isEqualTo(topic);
            assertThat(decision.path("inputs").path("carePlan").path("dischargeSetting").asText()).isEqualTo("EMERGENCY_DEPARTMENT");
            assertThat(decision.path("inputs").has("task")).isFalse();
            assertThat(jdbc.sql("""
                            select count(*) from audit_event a join cds_card c on a.object_id = c.decision_id::text
                            where c.id = :id and a.action = 'CREATE'""")
                    .param("id", UUID.fromString(card.path("uuid").asText())).query(Long.class).single())
                    .as("the decision behind the card is audited like every decision").isEqualTo(1L);
        }
    }

    @Test
    void aDischargeToASkilledNursingFacilityIsNoTcmDischarge() {
        JsonNode card = cards("pt-" + UUID.randomUUID(), "IMP", "", "snf").get(0);

        assertThat(card.path("summary").asText()).isEqualTo("Not eligible for TCM: Baton starts no plan for this discharge");
        assertThat(card.path("detail").asText()).contains("skilled nursing facility");
    }

    @Test
    void feedbackOnANotEligibleCardCountsAgainstTheRefusingRow() {
        JsonNode card = cards("pt-" + UUID.randomUUID(), "EMER", "", "home").get(0);

        HttpJson.Response overridden = CdsHooks.ehr(http).post("/cds-services/encounter-discharge/feedback", """
                {"feedback": [{"card": "%s", "outcome": "overridden", "outcomeTimestamp": "2026-12-03T10:00:00Z",
                               "overrideReason": {"reason": {"system": "urn:baton:cds-override-reason", "code": "not-applicable"}}}]}
                """.formatted(card.path("uuid").asText()));

        assertThat(overridden.status()).as(overridden.text()).isEqualTo(200);
        assertThat(jdbc.sql("""
                        select d.subject from cds_feedback f join cds_card c on c.id = f.card_id join decision d on d.id = c.decision_id
                        where f.card_id = :id""").param("id", UUID.fromString(card.path("uuid").asText())).query(String.class).single())
                .as("the feedback is tied to the template's decision").isEqualTo("PLAN_TEMPLATE");
        String topic = card.path("source").path("topic").path("code").asText();
        int version = Integer.parseInt(topic.substring(0, topic.indexOf('|')));
        JsonNode figures = http.asUser("clinlead").get("/api/v1/cds-hooks/row-figures?version=" + version).json();
        List<JsonNode> rows = new ArrayList<>();
        figures.forEach(rows::add);
        assertThat(rows).anySatisfy(row -> {
            assertThat(version + "|" + row.path("row").asText()).isEqualTo(topic);
            assertThat(row.path("overridden").asLong()).isGreaterThanOrEqualTo(1);
        });
    }

    @Test
    void aProgramCodeBatonDoesNotKnowIs400NamingIt() {
        HttpJson.Response answer = CdsHooks.ehr(http).post("/cds-services/encounter-discharge", CdsHooks.encounterDischarge(
                "pt-" + UUID.randomUUID(), END, "IMP", FUH.replace("FUH", "NOPE"), "home"));

        assertThat(answer.status()).as(answer.text()).isEqualTo(400);
        assertThat(answer.json().path("errors").path(0).path("field").asText()).isEqualTo("prefetch.encounter.type[0]");
    }
}
