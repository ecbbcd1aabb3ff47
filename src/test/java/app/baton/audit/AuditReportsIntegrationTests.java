package app.baton.audit;

import app.baton.HttpJson;
import app.baton.system.Actor;
import app.baton.system.Caller;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Audit reports: filters, sorting, paging, CSV export and the break-glass list, each audited itself. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AuditReportsIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    AuditTrail trail;
    HttpJson http;
    String actor;

    @BeforeEach
    void seed() {
        http = new HttpJson(port).asUser("compliance");
        actor = "reviewer-" + UUID.randomUUID();
        Caller caller = new Caller(new Actor(actor, Actor.Type.USER), "10.0.0.9", null, false);
        trail.recordAll(List.of(
                AuditEntry.of(AuditAction.READ, AuditCategory.DECISION, "decision", "d-b").withPatient("pt-b").by(caller),
                AuditEntry.of(AuditAction.READ, AuditCategory.DECISION, "decision", "d-a").withPatient("pt-a").by(caller),
                AuditEntry.of(AuditAction.LOGIN_FAILED, AuditCategory.AUTHENTICATION, "user", "=cmd|' /C calc'!A0")
                        .withOutcome(AuditOutcome.FAILURE).by(caller),
                AuditEntry.of(AuditAction.BREAK_GLASS, AuditCategory.AUTHENTICATION, "patient", "pt-c").withPatient("pt-c")
                        .asEmergency().withDetails(Map.of("reason", "ED, unconscious")).by(caller)));
    }

    private static List<String> objectIds(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("events").forEach(e -> ids.add(e.path("objectId").asText()));
        return ids;
    }

    @Test
    void filtersByActorAndActionAndSortsByAnyColumn() {
        JsonNode page = http.get("/api/v1/audit/events?actor=" + actor + "&action=READ&sort=objectId").json();

        assertThat(objectIds(page)).containsExactly("d-a", "d-b");
        assertThat(page.path("totalElements").asLong()).isEqualTo(2);
        assertThat(objectIds(http.get("/api/v1/audit/events?actor=" + actor + "&action=READ&sort=-objectId").json()))
                .containsExactly("d-b", "d-a");
    }

    @Test
    void filtersByPatientOutcomeAndTime() {
        assertThat(objectIds(http.get("/api/v1/audit/events?actor=" + actor + "&patientId=pt-a").json())).containsExactly("d-a");
        assertThat(objectIds(http.get("/api/v1/audit/events?actor=" + actor + "&outcome=FAILURE").json()))
                .containsExactly("=cmd|' /C calc'!A0");
        assertThat(http.get("/api/v1/audit/events?actor=" + actor + "&from=2000-01-01T00:00:00Z&to=2000-01-02T00:00:00%2B01:00")
                .json().path("totalElements").asLong()).isZero();
    }

    @Test
    void repeatedSortParametersAreReadInOrder() {
        JsonNode page = http.get("/api/v1/audit/events?actor=" + actor + "&sort=category&sort=-objectId").json();

        assertThat(objectIds(page)).containsExactly("pt-c", "=cmd|' /C calc'!A0", "d-b", "d-a");
    }

    @Test
    void openApiDescribesTheReportParameters() {
        JsonNode events = http.get("/v3/api-docs").json().path("paths").path("/api/v1/audit/events").path("get");

        assertThat(events.path("parameters").findValuesAsText("name"))
                .containsExactly("from", "to", "actor", "patientId", "action", "category", "outcome", "sort", "page", "size");
    }

    @Test
    void pagesDoNotOverlap() {
        JsonNode first = http.get("/api/v1/audit/events?actor=" + actor + "&sort=sequenceNumber&size=3").json();
        JsonNode second = http.get("/api/v1/audit/events?actor=" + actor + "&sort=sequenceNumber&size=3&page=1").json();

        assertThat(objectIds(first)).containsExactly("d-b", "d-a", "=cmd|' /C calc'!A0");
        assertThat(objectIds(second)).containsExactly("pt-c");
        assertThat(first.path("totalPages").asLong()).isEqualTo(2);
    }

    @Test
    void pageSizeAboveTheCapIsAProblemNamingSize() {
        HttpJson.Response response = http.get("/api/v1/audit/events?size=501");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("errors").get(0).path("field").asText()).isEqualTo("size");
    }

    @Test
    void badFilterValuesAreProblemsNamingTheParameter() {
        HttpJson.Response response = http.get("/api/v1/audit/events?from=yesterday&category=PATIENT&sort=hash%3Bdrop");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("from", "category", "sort");
        assertThat(response.text()).doesNotContain("yesterday").doesNotContain("drop");
    }

    @Test
    void breakGlassReportListsOnlyEmergencyAccess() {
        JsonNode page = http.get("/api/v1/audit/break-glass?actor=" + actor).json();

        assertThat(objectIds(page)).containsExactly("pt-c");
        assertThat(page.path("events").get(0).path("emergency").asBoolean()).isTrue();
        assertThat(page.path("events").get(0).path("details").path("reason").asText()).isEqualTo("ED, unconscious");
    }

    @Test
    void csvExportEscapesCellsAndIsAudited() {
        HttpJson.Response csv = http.get("/api/v1/audit/events.csv?actor=" + actor + "&sort=sequenceNumber");

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        String[] lines = csv.text().split("\r\n");
        assertThat(lines).hasSize(5);
        assertThat(lines[0]).startsWith("sequence_number,id,occurred_at,actor,actor_type,patient_id,action");
        assertThat(lines[3]).contains(",'=cmd|' /C calc'!A0,");
        assertThat(lines[4]).contains(",true,\"{\"\"reason\"\":\"\"ED, unconscious\"\"}\",");
        JsonNode exports = http.get("/api/v1/audit/events?action=EXPORT&category=AUDIT&sort=-sequenceNumber&size=1").json();
        assertThat(exports.path("events").get(0).path("details").path("filters").asText()).isEqualTo("actor");
        assertThat(exports.path("events").get(0).path("details").path("format").asText()).isEqualTo("csv");
    }

    @Test
    void readingTheTrailIsAuditedWithThePatientAskedFor() {
        http.get("/api/v1/audit/events?patientId=pt-a");

        JsonNode reads = http.get("/api/v1/audit/events?action=READ&category=AUDIT&patientId=pt-a&sort=-sequenceNumber&size=1").json();
        assertThat(reads.path("events").get(0).path("patientId").asText()).isEqualTo("pt-a");
        assertThat(reads.path("events").get(0).path("details").path("filters").asText()).isEqualTo("patientId");
    }
}
