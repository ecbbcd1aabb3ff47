package app.baton.audit;

import app.baton.HttpJson;
import app.baton.Requests;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Decisions and rule set events reach the audit trail through the events their modules publish. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DecisionAuditIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditChainVerifier verifier;
    @Autowired
    AuditChainer chainer;
    HttpJson http;

    @BeforeEach
    void client() {
        http = new HttpJson(port);
    }

    private List<AuditEvent> entriesFor(String objectId) {
        return jdbc.sql("select " + AuditEvents.COLUMNS + " from audit_event where object_id = :id order by staged_number")
                .param("id", objectId).query(AuditEvents.ROW).list();
    }

    @Test
    void decisionIsAuditedAsCreatedWithItsPatientAndCaller() {
        JsonNode decided = http.post("/api/v1/decisions", Requests.workedExample(), "X-Correlation-Id", "audit-create-1").json();

        List<AuditEvent> entries = entriesFor(decided.path("decisionId").asText());

        assertThat(entries).hasSize(1);
        AuditEvent created = entries.get(0);
        assertThat(created.action()).isEqualTo("CREATE");
        assertThat(created.category()).isEqualTo("DECISION");
        assertThat(created.objectType()).isEqualTo("decision");
        assertThat(created.patientId()).isEqualTo("pt-1001");
        assertThat(created.details()).containsEntry("taskId", "t-3001");
        assertThat(created.actorType()).isEqualTo("API_KEY");
        assertThat(created.sourceAddress()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
        assertThat(created.correlationId()).isEqualTo("audit-create-1");
        assertThat(created.outcome()).isEqualTo("SUCCESS");
    }

    @Test
    void replayedDecisionIsAuditedAsAReadNotAsCreatedTwice() {
        String body = Requests.workedExample();
        String id = http.post("/api/v1/decisions", body).json().path("decisionId").asText();
        http.post("/api/v1/decisions", body);

        List<AuditEvent> entries = entriesFor(id);
        assertThat(entries).extracting(AuditEvent::action).containsExactly("CREATE", "READ");
        assertThat(entries.get(1).details()).containsEntry("replay", "true");
        assertThat(entries.get(1).patientId()).isEqualTo("pt-1001");
    }

    @Test
    void aReadRefusedForAnotherLocationIsAuditedAsDenied() {
        String body = Requests.workedExample().replace("\"MAIN_CLINIC\"", "\"SATELLITE_CLINIC\"");
        String id = http.post("/api/v1/decisions", body).json().path("decisionId").asText();

        assertThat(http.asUser("nurse").get("/api/v1/decisions/" + id).status()).isEqualTo(404);

        List<AuditEvent> entries = entriesFor(id);
        assertThat(entries).extracting(AuditEvent::action).containsExactly("CREATE", "READ");
        assertThat(entries.get(1).outcome()).isEqualTo("DENIED");
        assertThat(entries.get(1).actor()).isEqualTo("nurse");
    }

    @Test
    void readingADecisionIsAuditedWithThePatient() {
        String id = http.post("/api/v1/decisions", Requests.workedExample()).json().path("decisionId").asText();

        http.get("/api/v1/decisions/" + id);

        List<AuditEvent> entries = entriesFor(id);
        assertThat(entries).extracting(AuditEvent::action).containsExactly("CREATE", "READ");
        assertThat(entries.get(1).patientId()).isEqualTo("pt-1001");
        assertThat(entries.get(1).category()).isEqualTo("DECISION");
    }

    @Test
    void batchOfAThousandDecisionsGetsAThousandChainedEntries() {
        String requests = IntStream.range(0, 1000)
                .mapToObj(i -> Requests.workedExample().replace("\"pt-1001\"", "\"pt-" + i + "\""))
                .collect(Collectors.joining(",", "{\"requests\":[", "]}"));

        HttpJson.Response response = http.post("/api/v1/decisions/batch", requests.replaceAll("\\s+", ""));

        assertThat(response.status()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        response.json().path("decisions").forEach(d -> ids.add(d.path("decisionId").asText()));
        assertThat(ids).hasSize(1000);
        List<String> patients = jdbc.sql("""
                select patient_id
                from audit_event
                where action = 'CREATE' and category = 'DECISION' and object_id in (:ids)
                order by sequence_number
                """).param("ids", ids).query(String.class).list();
        assertThat(patients).hasSize(1000).doesNotHaveDuplicates().contains("pt-0", "pt-999");
        chainer.chainStaged();
        ChainVerification chain = verifier.verify();
        assertThat(chain.intact()).isTrue();
        assertThat(chain.entries()).isEqualTo(chain.lastSequenceNumber());
    }

    @Test
    void activationOfTheRuleSetIsAudited() {
        chainer.chainStaged();
        List<AuditEvent> activations = jdbc.sql("select " + AuditEvents.COLUMNS + """
                 from audit_event where action = 'RULE_SET_ACTIVATED' order by sequence_number""")
                .query(AuditEvents.ROW).list();
        AuditEvent created = jdbc.sql("select " + AuditEvents.COLUMNS + " from audit_event where action = 'RULE_SET_CREATED' and object_id = '1'")
                .query(AuditEvents.ROW).single();

        assertThat(activations).isNotEmpty();
        assertThat(activations.get(0).objectId()).isEqualTo("1");
        assertThat(activations.get(0).category()).isEqualTo("RULE_SET");
        assertThat(activations.get(0).actorType()).isEqualTo("SYSTEM");
        assertThat(activations.get(0).details()).containsKeys("sha256", "note");
        assertThat(created.details()).containsEntry("author", "starter-pack");
        assertThat(created.sequenceNumber()).isLessThan(activations.get(0).sequenceNumber());
    }
}
