package app.baton.system;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.net.URI;
import java.util.List;

/** Baton's RFC 9457 problem types; each {@code type} is documented in docs/api.md. */
public final class Problems {

    public static final String BASE = "urn:baton:problem:";

    private Problems() {
    }

    /** One wrong input: the JSON path of the field (or the cell of a table) and what is wrong. */
    public record FieldError(String field, String message) {
    }

    public static ProblemDetail of(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(BASE + type));
        problem.setTitle(title);
        String correlationId = CorrelationIdFilter.current();
        if (correlationId != null) {
            problem.setProperty("correlationId", correlationId);
        }
        return problem;
    }

    /**
     * The one rule for malformed ids: an id or version in the URL path that is not well-formed (not a
     * UUID, not a number) names nothing, so it is a 404, like a well-formed id nobody has. (In a body or a
     * query parameter it is a 400 naming the field.)
     */
    public static ProblemDetail pathNamesNothing(String variable) {
        return of(HttpStatus.NOT_FOUND, "not-found", "Not found", "no such " + variable);
    }

    public static ProblemDetail invalid(String detail, List<FieldError> errors) {
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, "invalid-request", "The request is not valid", detail);
        problem.setProperty("errors", errors);
        return problem;
    }
}
