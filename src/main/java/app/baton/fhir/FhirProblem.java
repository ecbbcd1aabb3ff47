package app.baton.fhir;

import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import org.hl7.fhir.r4.model.OperationOutcome;

import java.util.List;

/** A FHIR call that is refused: its HTTP status and the OperationOutcome that says why. Carries no patient data. */
class FhirProblem extends RuntimeException {

    private final int status;
    private final transient OperationOutcome outcome;

    FhirProblem(int status, OperationOutcome outcome) {
        super("FHIR request refused with " + status, null, false, false);
        this.status = status;
        this.outcome = outcome;
    }

    int status() {
        return status;
    }

    OperationOutcome outcome() {
        return outcome;
    }

    /** One issue; {@code expression} is its FHIRPath location, or null when the issue is about the whole body. */
    static FhirProblem invalid(int status, OperationOutcome.IssueType code, String expression, String text) {
        return new FhirProblem(status, outcome(OperationOutcome.IssueSeverity.ERROR, code, expression, text));
    }

    static OperationOutcome outcome(OperationOutcome.IssueSeverity severity, OperationOutcome.IssueType code, String expression, String text) {
        OperationOutcome outcome = new OperationOutcome();
        OperationOutcome.OperationOutcomeIssueComponent issue = outcome.addIssue().setSeverity(severity).setCode(code).setDiagnostics(text);
        if (expression != null) {
            issue.addExpression(expression);
        }
        return outcome;
    }

    /** The validator's and parser's messages, each an issue at its location (errors first, as found). */
    static OperationOutcome outcome(List<SingleValidationMessage> messages) {
        OperationOutcome outcome = new OperationOutcome();
        for (SingleValidationMessage message : messages) {
            var issue = outcome.addIssue()
                    .setSeverity(switch (message.getSeverity() == null ? ResultSeverityEnum.ERROR : message.getSeverity()) {
                        case FATAL -> OperationOutcome.IssueSeverity.FATAL;
                        case ERROR -> OperationOutcome.IssueSeverity.ERROR;
                        case WARNING -> OperationOutcome.IssueSeverity.WARNING;
                        case INFORMATION -> OperationOutcome.IssueSeverity.INFORMATION;
                    })
                    .setCode(message.getMessageId() != null ? OperationOutcome.IssueType.INVARIANT
                            : message.getMessage().startsWith("unknown element") ? OperationOutcome.IssueType.STRUCTURE
                            : message.getMessage().startsWith("minimum required") ? OperationOutcome.IssueType.REQUIRED
                            : OperationOutcome.IssueType.INVALID)
                    .setDiagnostics(message.getMessage());
            if (message.getLocationString() != null) {
                issue.addExpression(message.getLocationString());
            }
        }
        return outcome;
    }
}
