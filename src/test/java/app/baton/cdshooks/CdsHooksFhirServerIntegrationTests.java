package app.baton.cdshooks;

import app.baton.HttpJson;
import app.baton.WebIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading missing prefetch from the call's {@code fhirServer}: only from a FHIR server on the calling EHR's list (here
 * the demo EHR's list names {@link #LISTED}), with the lent token; a call naming any other server is a 412 naming
 * {@code fhirServer}, and that server is never sent a request. Two FHIR servers run in the test on 127.0.0.1.
 */
class CdsHooksFhirServerIntegrationTests extends WebIntegrationTest {

    private static final List<String> LISTED_ASKED = new CopyOnWriteArrayList<>();
    private static final List<String> OTHER_ASKED = new CopyOnWriteArrayList<>();
    private static final HttpServer LISTED = fhirServer(LISTED_ASKED);
    private static final HttpServer OTHER = fhirServer(OTHER_ASKED);
    private static volatile String patient = "pt-none";

    @DynamicPropertySource
    static void demoEhrReadsFromTheListedServer(DynamicPropertyRegistry properties) {
        properties.add("baton.cds-hooks.ehrs[0].name", () -> "demo-ehr");
        // written with a trailing slash and an upper-case host: the list compares base URLs, not spellings
        properties.add("baton.cds-hooks.ehrs[0].fhir-servers[0]", () -> "http://LOCALHOST:" + LISTED.getAddress().getPort() + "/fhir/");
    }

    /** A FHIR server that answers every read with the patient or the coverage bundle, and notes what it was asked. */
    private static HttpServer fhirServer(List<String> asked) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/fhir", exchange -> {
                asked.add(exchange.getRequestURI() + " " + exchange.getRequestHeaders().getFirst("Authorization"));
                String path = exchange.getRequestURI().getPath();
                byte[] body = (path.contains("/Patient/") ? CdsHooks.PATIENT.formatted(patient) : CdsHooks.COVERAGE.formatted(patient))
                        .getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stopServers() {
        LISTED.stop(0);
        OTHER.stop(0);
    }

    @BeforeEach
    void patientWithOpenTcmPlan() {
        String source = UUID.randomUUID().toString();
        HttpJson.Response intake = http.post("/api/v1/intake/discharges", """
                {"sourceSystem": "EHR-ADT", "sourceId": "%s",
                 "patient": {"id": "pt-%s", "payer": "MEDICARE", "memberId": "1EG4-TE5-MK72", "language": "en", "location": "MAIN_CLINIC",
                             "consentOnFile": true},
                 "program": "TCM", "complexity": "HIGH", "dischargeAt": "2026-03-09T08:00:00-04:00"}
                """.formatted(source, source));
        assertThat(intake.status()).as(intake.text()).isIn(200, 201);
        patient = "pt-" + source;
        LISTED_ASKED.clear();
        OTHER_ASKED.clear();
    }

    private HttpJson.Response patientView(String fhirServer, String prefetch) {
        return CdsHooks.ehr(http).post("/cds-services/patient-view", """
                {"hook": "patient-view", "hookInstance": "%s", "context": {"patientId": "%s"}, "fhirServer": "%s",
                 "fhirAuthorization": {"access_token": "lent-token", "token_type": "Bearer", "expires_in": 300,
                                       "scope": "patient/Patient.read patient/Coverage.read", "subject": "baton"}%s}
                """.formatted(UUID.randomUUID(), patient, fhirServer, prefetch));
    }

    @Test
    void missingPrefetchIsReadFromAListedFhirServerWithTheLentToken() {
        HttpJson.Response answer = patientView("http://localhost:" + LISTED.getAddress().getPort() + "/fhir", "");

        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertThat(answer.json().path("cards").isEmpty()).isFalse();
        assertThat(LISTED_ASKED).containsExactlyInAnyOrder("/fhir/Patient/" + patient + " Bearer lent-token",
                "/fhir/Coverage?patient=" + patient + "&status=active Bearer lent-token");
    }

    @Test
    void aFhirServerNotOnTheEhrsListIs412NamingItAndIsNeverCalled() {
        for (String server : List.of("http://127.0.0.1:" + OTHER.getAddress().getPort() + "/fhir",
                "http://localhost:" + LISTED.getAddress().getPort() + "/fhir/other",
                "http://user@localhost:" + LISTED.getAddress().getPort() + "/fhir")) {
            HttpJson.Response answer = patientView(server, "");

            assertThat(answer.status()).as(server + ": " + answer.text()).isEqualTo(412);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.json().path("type").asText()).isEqualTo("urn:baton:problem:fhir-server-not-allowed");
            JsonNode error = answer.json().path("errors").path(0);
            assertThat(error.path("field").asText()).isEqualTo("fhirServer");
            assertThat(error.path("message").asText()).contains("demo-ehr");
        }
        assertThat(OTHER_ASKED).isEmpty();
        assertThat(LISTED_ASKED).isEmpty();
    }

    @Test
    void aFhirServerIsNotCheckedNorCalledWhenThePrefetchIsComplete() {
        String prefetch = """
                , "prefetch": {"patient": %s, "coverage": %s}""".formatted(CdsHooks.PATIENT.formatted(patient), CdsHooks.COVERAGE.formatted(patient));
        HttpJson.Response answer = patientView("http://127.0.0.1:" + OTHER.getAddress().getPort() + "/fhir", prefetch);

        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertThat(OTHER_ASKED).isEmpty();
    }
}
