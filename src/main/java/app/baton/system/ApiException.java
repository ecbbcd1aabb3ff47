package app.baton.system;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.util.List;

/** An error a module reports to the caller as a problem detail of its own type. */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final String title;
    private final List<Problems.FieldError> errors;

    public ApiException(HttpStatus status, String type, String title, String detail) {
        this(status, type, title, detail, List.of());
    }

    public ApiException(HttpStatus status, String type, String title, String detail, List<Problems.FieldError> errors) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public HttpStatus status() {
        return status;
    }

    /** The same problem about one element of a batch: each field named under {@code prefix} ({@code requests[3]}). */
    public ApiException under(String prefix) {
        return new ApiException(status, type, title, getMessage(),
                errors.stream().map(e -> new Problems.FieldError(prefix + "." + e.field(), e.message())).toList());
    }

    public ProblemDetail toProblem() {
        ProblemDetail problem = Problems.of(status, type, title, getMessage());
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return problem;
    }
}
