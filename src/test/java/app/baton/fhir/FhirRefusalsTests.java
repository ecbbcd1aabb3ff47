package app.baton.fhir;

import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The issue code of each refusal the FHIR paths can meet, including those an integration test cannot provoke cheaply. */
class FhirRefusalsTests {

    @Test
    void batonsProblemTypesSayMoreThanTheirStatus() {
        assertThat(FhirRefusals.code(401, "unauthenticated")).isEqualTo(IssueType.LOGIN);
        assertThat(FhirRefusals.code(403, "csrf-token-invalid")).isEqualTo(IssueType.FORBIDDEN);
        assertThat(FhirRefusals.code(429, "rate-limited")).isEqualTo(IssueType.THROTTLED);
        assertThat(FhirRefusals.code(503, "database-unavailable")).isEqualTo(IssueType.TRANSIENT);
        assertThat(FhirRefusals.code(413, "payload-too-large")).isEqualTo(IssueType.TOOLONG);
        assertThat(FhirRefusals.code(400, "rejected-url")).isEqualTo(IssueType.INVALID);
    }

    @Test
    void otherwiseTheStatusDecides() {
        assertThat(FhirRefusals.code(405, "http-405")).isEqualTo(IssueType.NOTSUPPORTED);
        assertThat(FhirRefusals.code(408, "http-408")).isEqualTo(IssueType.TIMEOUT);
        assertThat(FhirRefusals.code(404, "http-404")).isEqualTo(IssueType.NOTFOUND);
        assertThat(FhirRefusals.code(500, "http-500")).isEqualTo(IssueType.EXCEPTION);
    }

    @Test
    void aServerErrorIsFatalButTheDatabaseBeingAwayIsAnError() {
        assertThat(FhirRefusals.outcome(500, "http-500", "x").getIssueFirstRep().getSeverity().toCode()).isEqualTo("fatal");
        assertThat(FhirRefusals.outcome(503, "database-unavailable", "x").getIssueFirstRep().getSeverity().toCode()).isEqualTo("error");
    }
}
