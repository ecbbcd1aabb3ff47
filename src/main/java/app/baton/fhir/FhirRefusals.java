package app.baton.fhir;

import app.baton.security.RefusalFormat;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;

/**
 * Refusals on the FHIR paths as OperationOutcomes: whatever refuses a {@code /fhir/r4} request before a FHIR controller
 * runs (the security filters' 401, 403, 405 and 429, the firewall's and the servlet container's 400) answers in
 * {@code application/fhir+json}, with the issue code a FHIR client acts on ({@code login}, {@code forbidden},
 * {@code throttled}, {@code not-supported}, {@code not-found}, {@code transient}...). The security module decides the
 * refusal and its status; this only says it in FHIR.
 */
@Component
class FhirRefusals implements RefusalFormat {

    static final String BASE = "/fhir/r4";

    private final FhirResponses responses;

    FhirRefusals(FhirResponses responses) {
        this.responses = responses;
    }

    @Override
    public boolean covers(String path) {
        return path.equals(BASE) || path.startsWith(BASE + "/");
    }

    @Override
    public String contentType() {
        return FhirResponses.FHIR_JSON_UTF8.toString();
    }

    @Override
    public byte[] body(Refusal refusal) {
        return responses.encode(outcome(refusal.status(), refusal.type(), refusal.detail())).getBytes(StandardCharsets.UTF_8);
    }

    static OperationOutcome outcome(int status, String type, String detail) {
        return FhirProblem.outcome(status >= 500 && status != 503 ? OperationOutcome.IssueSeverity.FATAL : OperationOutcome.IssueSeverity.ERROR,
                code(status, type), null, detail);
    }

    /** The issue code for a refusal: by Baton's problem type where it says more than the status, else by the status. */
    static IssueType code(int status, String type) {
        return switch (type == null ? "" : type) {
            case "unauthenticated" -> IssueType.LOGIN;
            case "forbidden", "csrf-token-invalid", "queue-not-allowed" -> IssueType.FORBIDDEN;
            case "rate-limited" -> IssueType.THROTTLED;
            case "not-found" -> IssueType.NOTFOUND;
            case "database-unavailable" -> IssueType.TRANSIENT;
            case "payload-too-large" -> IssueType.TOOLONG;
            default -> switch (status) {
                case 401 -> IssueType.LOGIN;
                case 403 -> IssueType.FORBIDDEN;
                case 404, 410 -> IssueType.NOTFOUND;
                case 405, 406, 415 -> IssueType.NOTSUPPORTED;
                case 408 -> IssueType.TIMEOUT;
                case 409 -> IssueType.CONFLICT;
                case 413 -> IssueType.TOOLONG;
                case 429 -> IssueType.THROTTLED;
                case 503 -> IssueType.TRANSIENT;
                default -> status >= 500 ? IssueType.EXCEPTION : IssueType.INVALID;
            };
        };
    }
}
