package app.baton.console;

import app.baton.system.ApiException;
import app.baton.system.Problems;
import org.springframework.http.ProblemDetail;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A refusal from another module, in the words a page shows: the title, what happened, and per field
 * what is wrong, so the page can put each message next to the field it names.
 */
public record Problem(int status, String title, String detail, Map<String, String> fieldErrors) {

    public static Problem of(ApiException e) {
        ProblemDetail problem = e.toProblem();
        Map<String, String> fields = Map.of();
        if (problem.getProperties() != null && problem.getProperties().get("errors") instanceof List<?> errors) {
            fields = errors.stream().filter(Problems.FieldError.class::isInstance).map(Problems.FieldError.class::cast)
                    .collect(Collectors.toMap(Problems.FieldError::field, Problems.FieldError::message, (a, b) -> a + "; " + b,
                            java.util.LinkedHashMap::new));
        }
        return new Problem(problem.getStatus(), problem.getTitle(), problem.getDetail(), fields);
    }

    public static Problem field(String field, String message) {
        return new Problem(400, "Please correct the form", null, Map.of(field, message));
    }

    /** The same refusal, placed on one field of the form (e.g. a taken user name on the name field). */
    public Problem asField(String field) {
        return new Problem(status, title, null, Map.of(field, detail));
    }

    public String forField(String field) {
        return fieldErrors.get(field);
    }
}
