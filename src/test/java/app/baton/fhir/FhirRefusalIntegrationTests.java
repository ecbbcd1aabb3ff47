package app.baton.fhir;

import app.baton.HttpJson;
import app.baton.WebIntegrationTest;
import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every refusal of a {@code /fhir/r4} request is an OperationOutcome in application/fhir+json with the issue code a FHIR
 * client acts on, whoever refuses it: the security filters (401 login, 403 forbidden, 405), the firewall (400), Spring
 * MVC before any FHIR controller runs (415, 406), as well as the FHIR controllers themselves (404). The JSON API keeps
 * its problem documents.
 */
class FhirRefusalIntegrationTests extends WebIntegrationTest {

    @Autowired
    FhirContext context;

    private OperationOutcome.OperationOutcomeIssueComponent issue(HttpJson.Response response, int status) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/fhir+json");
        OperationOutcome outcome = context.newJsonParser().parseResource(OperationOutcome.class, response.text());
        assertThat(outcome.getIssue()).hasSize(1);
        assertThat(outcome.getIssueFirstRep().getDiagnostics()).isNotBlank();
        return outcome.getIssueFirstRep();
    }

    private String task() {
        return "/fhir/r4/Task/" + UUID.randomUUID();
    }

    @Test
    void noCredentialsIs401Login() {
        var issue = issue(http.anonymous().get(task()), 401);
        assertThat(issue.getCode()).isEqualTo(OperationOutcome.IssueType.LOGIN);
        assertThat(issue.getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.ERROR);
    }

    @Test
    void aRefusedApiKeyIs401LoginAndAWrongPasswordToo() {
        assertThat(issue(http.withApiKey("bk_not_a_key_of_baton").get(task()), 401).getCode()).isEqualTo(OperationOutcome.IssueType.LOGIN);
        assertThat(issue(http.asUser("coordinator", "wrong-password").get(task()), 401).getCode())
                .isEqualTo(OperationOutcome.IssueType.LOGIN);
    }

    @Test
    void aBrowserWithoutCredentialsIsNotSentToTheLoginPageOnFhirPaths() {
        var issue = issue(http.anonymous().get(task(), "Accept", "text/html,application/fhir+json"), 401);
        assertThat(issue.getCode()).isEqualTo(OperationOutcome.IssueType.LOGIN);
    }

    @Test
    void aRoleThatMayNotReadTasksIs403Forbidden() {
        var issue = issue(http.asUser("compliance").get(task()), 403);
        assertThat(issue.getCode()).isEqualTo(OperationOutcome.IssueType.FORBIDDEN);
    }

    @Test
    void aResourceTypeBatonDoesNotServeIs404NotSupportedNamingIt() {
        var issue = issue(http.get("/fhir/r4/Patient/pt-1"), 404);
        assertThat(issue.getCode()).isEqualTo(OperationOutcome.IssueType.NOTSUPPORTED);
        assertThat(issue.getDiagnostics()).startsWith("Baton serves no Patient resources").contains("/fhir/r4/metadata");

        assertThat(issue(http.asUser("coordinator").get("/fhir/r4/Observation?patient=pt-1"), 404).getDiagnostics())
                .startsWith("Baton serves no Observation resources");
        assertThat(issue(http.post("/fhir/r4/Patient", "{\"resourceType\": \"Patient\"}", "Content-Type", "application/fhir+json"), 404)
                .getCode()).isEqualTo(OperationOutcome.IssueType.NOTSUPPORTED);
    }

    @Test
    void anOperationOrInteractionBatonDoesNotServeIs404NotSupportedNamingIt() {
        assertThat(issue(http.post("/fhir/r4/$everything", "{}", "Content-Type", "application/fhir+json"), 404).getDiagnostics())
                .startsWith("Baton serves no system operation $everything");
        assertThat(issue(http.get("/fhir/r4/Task/" + UUID.randomUUID() + "/$validate"), 404).getDiagnostics())
                .startsWith("Baton serves no operation $validate on Task");
        // a type-level operation Baton does not serve is not mistaken for a Task id (no 405 of the read)
        assertThat(issue(http.post("/fhir/r4/Task/$unknownOp", "{}", "Content-Type", "application/fhir+json"), 404).getDiagnostics())
                .startsWith("Baton serves no operation $unknownOp on Task");
        assertThat(issue(http.get("/fhir/r4/CarePlan/$expand"), 404).getDiagnostics())
                .startsWith("Baton serves no operation $expand on CarePlan");
        assertThat(issue(http.get("/fhir/r4/Task/" + UUID.randomUUID() + "/_history/1"), 404).getDiagnostics())
                .startsWith("Baton serves no such Task interaction (GET)");
        assertThat(issue(http.post("/fhir/r4", "{\"resourceType\": \"Bundle\", \"type\": \"batch\"}", "Content-Type",
                "application/fhir+json"), 404).getDiagnostics()).startsWith("Baton serves no interaction at the FHIR base");
    }

    @Test
    void aNameThatIsNotAPlainWordIsNotEchoedBack() {
        var issue = issue(http.get("/fhir/r4/%3Cscript%3E/1"), 404);
        assertThat(issue.getDiagnostics()).startsWith("Baton serves no such resource type").doesNotContain("script");
    }

    @Test
    void onlyACallerWithAFhirRoleLearnsWhatIsNotServed() {
        assertThat(issue(http.anonymous().get("/fhir/r4/Patient/pt-1"), 401).getCode()).isEqualTo(OperationOutcome.IssueType.LOGIN);
        assertThat(issue(http.asUser("compliance").get("/fhir/r4/Patient/pt-1"), 403).getCode())
                .isEqualTo(OperationOutcome.IssueType.FORBIDDEN);
        assertThat(issue(http.asUser("admin").get("/fhir/r4/Patient/pt-1"), 403).getCode()).isEqualTo(OperationOutcome.IssueType.FORBIDDEN);
    }

    @Test
    void aServedPathKeepsItsOwnRefusalsBesideTheUnservedOnes() {
        HttpJson.Response post = http.post(task(), "{}", "Content-Type", "application/fhir+json");
        assertThat(issue(post, 405).getCode()).isEqualTo(OperationOutcome.IssueType.NOTSUPPORTED);
        assertThat(post.header("Allow")).isEqualTo("GET");
        assertThat(issue(http.get("/fhir/r4/metadata", "Accept", "application/fhir+xml"), 406).getCode())
                .isEqualTo(OperationOutcome.IssueType.NOTSUPPORTED);
        assertThat(http.get("/fhir/r4/metadata").status()).isEqualTo(200);
    }

    @Test
    void aMethodThePathDoesNotTakeIs405NotSupported() {
        HttpJson.Response response = http.delete(task());
        assertThat(issue(response, 405).getCode()).isEqualTo(OperationOutcome.IssueType.NOTSUPPORTED);
        assertThat(response.header("Allow")).isEqualTo("GET");
    }

    @Test
    void anAddressTheFirewallRefusesIs400Invalid() {
        assertThat(issue(http.get("/fhir/r4/Task/abc;jsessionid=1"), 400).getCode()).isEqualTo(OperationOutcome.IssueType.INVALID);
    }

    @Test
    void aBodyThatIsNotFhirJsonIs415AndAnAcceptBatonCannotServeIs406() {
        var unsupported = issue(http.post("/fhir/r4/Task/$decide", "<Task/>", "Content-Type", "application/fhir+xml"), 415);
        assertThat(unsupported.getCode()).isEqualTo(OperationOutcome.IssueType.NOTSUPPORTED);
        assertThat(unsupported.getDiagnostics()).contains("application/fhir+json");
        var unacceptable = issue(http.get(task(), "Accept", "application/fhir+xml"), 406);
        assertThat(unacceptable.getCode()).isEqualTo(OperationOutcome.IssueType.NOTSUPPORTED);
    }

    @Test
    void aTaskThatDoesNotExistIs404NotFound() {
        assertThat(issue(http.get(task()), 404).getCode()).isEqualTo(OperationOutcome.IssueType.NOTFOUND);
        assertThat(issue(http.get("/fhir/r4/CarePlan/" + UUID.randomUUID()), 404).getCode()).isEqualTo(OperationOutcome.IssueType.NOTFOUND);
    }

    @Test
    void theJsonApiKeepsItsProblemDocuments() {
        HttpJson.Response response = http.anonymous().get("/api/v1/tasks/" + UUID.randomUUID());
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }
}
