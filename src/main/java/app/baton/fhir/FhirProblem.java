package app.baton.fhir;

import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import org.hl7.fhir.r4.model.OperationOutcome;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /**
     * The validator's and parser's messages, each an issue at its FHIRPath location (in the order found). Where the validator
     * names the parent element and the child only in its text (a required element that is missing, an unknown property, a
     * reference to a type the element does not allow), the location is the child's: {@code Task.intent}, not {@code Task}.
     */
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
                    .setCode(code(message))
                    .setDiagnostics(message.getMessage());
            String location = location(message);
            if (location != null) {
                issue.addExpression(location);
            }
        }
        return outcome;
    }

    private static final Pattern ELEMENT_IN_TEXT = Pattern.compile("^([A-Za-z][A-Za-z0-9]*(?:\\.[A-Za-z][A-Za-z0-9\\[\\]]*)*): (?:minimum|maximum)");
    private static final Pattern UNRECOGNIZED = Pattern.compile("^Unrecognized property '([^']+)'");

    static String location(SingleValidationMessage message) {
        String at = message.getLocationString();
        if (at == null || at.isEmpty()) {
            return null;
        }
        String id = message.getMessageId() == null ? "" : message.getMessageId();
        String text = message.getMessage() == null ? "" : message.getMessage();
        Matcher element = ELEMENT_IN_TEXT.matcher(text);
        if (id.startsWith("Validation_VAL_Profile_M") && element.find()) {
            String path = element.group(1);
            String child = path.substring(path.lastIndexOf('.') + 1).replace("[x]", "");
            return at.endsWith("." + child) ? at : at + "." + child;
        }
        Matcher unrecognized = UNRECOGNIZED.matcher(text);
        if (unrecognized.find()) {
            return at + "." + unrecognized.group(1);
        }
        if (id.startsWith("Reference_REF_") && !at.endsWith(".reference")) {
            return at + ".reference";
        }
        return at;
    }

    /** The issue type by what the validator checked (its message ids), or by the parser's words. */
    static OperationOutcome.IssueType code(SingleValidationMessage message) {
        String id = message.getMessageId() == null ? "" : message.getMessageId();
        String text = message.getMessage() == null ? "" : message.getMessage();
        if (id.contains("#")) {
            return OperationOutcome.IssueType.INVARIANT; // a constraint, named by its definition and key (...CarePlan#cpl-3)
        }
        if (id.equals("Validation_VAL_Profile_Minimum") || text.startsWith("minimum required") || text.endsWith(" is required")) {
            return OperationOutcome.IssueType.REQUIRED;
        }
        if (id.startsWith("Terminology_") || id.startsWith("TERMINOLOGY_")) {
            return OperationOutcome.IssueType.CODEINVALID;
        }
        if (id.equals("Validation_VAL_Profile_Maximum") || id.startsWith("Validation_VAL_Profile_NotSlice") || text.startsWith("Unrecognized property")
                || text.startsWith("unknown element")) {
            return OperationOutcome.IssueType.STRUCTURE;
        }
        return OperationOutcome.IssueType.INVALID;
    }
}
