package app.baton.fhir;

import app.baton.system.ApiException;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.List;
import java.util.Map;

/**
 * Errors of the FHIR endpoints as OperationOutcomes, never problem+json or a stack trace: Baton's own problems (a task
 * that is not found or not at the caller's location: 404 as on the JSON API; an idempotency key reused) keep their status
 * and detail, and name the element they are about.
 */
@RestControllerAdvice(basePackageClasses = FhirExceptionHandler.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class FhirExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(FhirExceptionHandler.class);
    /** Where the JSON API's field names live in a FHIR request. */
    private static final Map<String, String> FIELDS = Map.of("Idempotency-Key", "Task.identifier");

    private final FhirResponses responses;

    FhirExceptionHandler(FhirResponses responses) {
        this.responses = responses;
    }

    @ExceptionHandler(FhirProblem.class)
    ResponseEntity<String> problem(FhirProblem problem) {
        return responses.status(problem.status(), problem.outcome());
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<String> api(ApiException exception) {
        ProblemDetail problem = exception.toProblem();
        String type = String.valueOf(problem.getType());
        OperationOutcome.IssueType code = type.endsWith("not-found") ? OperationOutcome.IssueType.NOTFOUND
                : exception.status().value() == 409 || type.endsWith("idempotency-key-reused") ? OperationOutcome.IssueType.CONFLICT
                : type.endsWith("not-eligible") ? OperationOutcome.IssueType.BUSINESSRULE
                : exception.status().is5xxServerError() ? OperationOutcome.IssueType.EXCEPTION : OperationOutcome.IssueType.INVALID;
        OperationOutcome outcome = FhirProblem.outcome(exception.status().is5xxServerError() ? OperationOutcome.IssueSeverity.FATAL
                : OperationOutcome.IssueSeverity.ERROR, code, null, problem.getDetail());
        if (problem.getProperties() != null && problem.getProperties().get("errors") instanceof List<?> errors) {
            for (Object error : errors) {
                if (error instanceof app.baton.system.Problems.FieldError field) {
                    outcome.getIssueFirstRep().addExpression(FIELDS.getOrDefault(field.field(), field.field()));
                }
            }
        }
        return responses.status(exception.status().value(), outcome);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<String> mediaType(HttpMediaTypeNotSupportedException exception) {
        return responses.status(415, FhirProblem.outcome(OperationOutcome.IssueSeverity.ERROR, OperationOutcome.IssueType.NOTSUPPORTED,
                null, "send Content-Type: application/fhir+json"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<String> unexpected(Exception exception) {
        if (exception instanceof org.springframework.web.ErrorResponse spring && spring.getStatusCode().is4xxClientError()) {
            // Spring MVC's own refusals (a missing parameter, a wrong method) keep their status
            int status = spring.getStatusCode().value();
            return responses.status(status, FhirProblem.outcome(OperationOutcome.IssueSeverity.ERROR,
                    FhirRefusals.code(status, "http-" + status), null, spring.getBody().getDetail()));
        }
        log.error("a FHIR request failed", exception);
        return responses.status(500, FhirProblem.outcome(OperationOutcome.IssueSeverity.FATAL, OperationOutcome.IssueType.EXCEPTION,
                null, "the request failed inside Baton; nothing was changed; quote the correlation id"));
    }
}
