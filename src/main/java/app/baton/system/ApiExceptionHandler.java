package app.baton.system;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns every failure into an RFC 9457 problem: input errors name the field (never echo its
 * value, which may be patient data), server errors carry the correlation id and no stack trace.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    private static final int MAX_ERRORS = 50;

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        return problem(readProblem(ex));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        // Outer fields first (a 10,000-element batch is first of all too long), and at most
        // MAX_ERRORS of them, so one bad batch cannot make a megabyte of problem.
        List<org.springframework.validation.FieldError> all = ex.getBindingResult().getFieldErrors();
        List<Problems.FieldError> errors = all.stream()
                .sorted(java.util.Comparator.comparingInt((org.springframework.validation.FieldError e) -> depth(e.getField()))
                        .thenComparing(org.springframework.validation.FieldError::getField))
                .limit(MAX_ERRORS)
                .map(e -> new Problems.FieldError(e.getField(), e.getDefaultMessage()))
                .toList();
        return problem(Problems.invalid(all.size() + " field(s) are not valid"
                + (all.size() > MAX_ERRORS ? "; the first " + MAX_ERRORS + " are listed" : ""), errors));
    }

    /** A multipart request without a part it needs (a rule set upload without {@code files}): the part is named. */
    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(org.springframework.web.multipart.support.MissingServletRequestPartException ex,
                                                                     HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String part = ex.getRequestPartName();
        return problem(Problems.invalid("part '" + part + "' is required", List.of(new Problems.FieldError(part, "required"))));
    }

    /** A required query or form parameter that is absent: named. */
    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(org.springframework.web.bind.MissingServletRequestParameterException ex,
                                                                          HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String name = ex.getParameterName();
        return problem(Problems.invalid("parameter '" + name + "' is required", List.of(new Problems.FieldError(name, "required"))));
    }

    /**
     * A query value of the wrong type: named, never repeated (Spring's default detail repeats it). A path
     * value of the wrong type (an id that is not a UUID, a version that is not a number) names nothing: 404.
     */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(org.springframework.beans.TypeMismatchException ex, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        if (ex instanceof org.springframework.web.method.annotation.MethodArgumentTypeMismatchException mismatch
                && mismatch.getParameter().hasParameterAnnotation(org.springframework.web.bind.annotation.PathVariable.class)) {
            return problem(Problems.pathNamesNothing(mismatch.getName()));
        }
        String field = ex instanceof org.springframework.web.method.annotation.MethodArgumentTypeMismatchException mismatch
                ? mismatch.getName() : String.valueOf(ex.getPropertyName());
        Class<?> type = ex.getRequiredType();
        String expected = type == null ? "a value of another type" : type == java.util.UUID.class ? "a UUID" : describe(type);
        return problem(Problems.invalid("field '" + field + "' is not valid", List.of(new Problems.FieldError(field, "not " + expected))));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        if (body == null && ex instanceof org.springframework.web.ErrorResponse error) {
            body = error.getBody();
        }
        if (body instanceof ProblemDetail problem) {
            if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
                problem.setType(URI.create(Problems.BASE + "http-" + status.value()));
            }
            String correlationId = CorrelationIdFilter.current();
            if (correlationId != null) {
                problem.setProperty("correlationId", correlationId);
            }
        }
        return super.handleExceptionInternal(ex, body, headers, status, request);
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Object> api(ApiException ex) {
        return problem(ex.toProblem());
    }

    @ExceptionHandler({CannotGetJdbcConnectionException.class, DataAccessResourceFailureException.class,
            TransientDataAccessException.class, org.springframework.transaction.CannotCreateTransactionException.class})
    ResponseEntity<Object> databaseAway(Exception ex) {
        log.warn("database unavailable: {}", ex.getClass().getSimpleName());
        return problem(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable", "The database is not reachable",
                "nothing was recorded; retry with the same requestId"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex) {
        if (databaseConnectionLost(ex)) {
            return databaseAway(ex);
        }
        log.error("request failed (correlation id {})", CorrelationIdFilter.current(), ex);
        return problem(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Baton could not complete the request",
                "quote the correlation id when you report this"));
    }

    /**
     * A connection that broke under a statement (PostgreSQL shutting down: SQLSTATE class 08 connection
     * exception, or 57P admin shutdown) can reach here wrapped in anything, or as a failed commit or
     * rollback; it is the database being away.
     */
    private static boolean databaseConnectionLost(Throwable ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            // A commit or rollback that failed (TransactionSystemException) is the connection gone as well:
            // the client retries with the same requestId and gets the stored decision if the commit did land.
            if (cause instanceof org.springframework.transaction.CannotCreateTransactionException
                    || cause instanceof org.springframework.transaction.TransactionSystemException
                    || cause instanceof java.sql.SQLTransientConnectionException) {
                return true;
            }
            if (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    private static ProblemDetail readProblem(HttpMessageNotReadableException ex) {
        Throwable cause = ex.getCause();
        if (hasCause(ex, PayloadTooLargeException.class)) {
            return Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large", "The request body is too large",
                    "request bodies may be at most 1 MB");
        }
        if (hasCause(ex, StreamConstraintsException.class)) {
            return Problems.invalid("the JSON document exceeds a size or nesting limit",
                    List.of(new Problems.FieldError("$", "JSON nested too deeply or a value too long")));
        }
        JsonParseException parse = firstCause(ex, JsonParseException.class);
        if (parse != null) {
            String where = parse.getLocation() == null ? "" : " at line " + parse.getLocation().getLineNr()
                    + ", column " + parse.getLocation().getColumnNr();
            return Problems.invalid("the body is not well-formed JSON" + where, List.of(new Problems.FieldError("$", "malformed JSON" + where)));
        }
        if (cause instanceof MismatchedInputException trailing && trailing.getPath().isEmpty()
                && String.valueOf(trailing.getOriginalMessage()).startsWith("Trailing token")) {
            return Problems.invalid("the body holds more than one JSON value",
                    List.of(new Problems.FieldError("$", "one JSON value per body; something follows it")));
        }
        if (cause instanceof JsonMappingException mapping) {
            String field = path(mapping);
            return Problems.invalid("field '" + field + "' is not valid", List.of(new Problems.FieldError(field, reason(mapping))));
        }
        if (cause instanceof JsonProcessingException) {
            return Problems.invalid("the body is not valid JSON", List.of(new Problems.FieldError("$", "not valid JSON")));
        }
        return Problems.invalid("a JSON body is required", List.of(new Problems.FieldError("$", "missing or unreadable body")));
    }

    private static int depth(String field) {
        return (int) field.chars().filter(c -> c == '.' || c == '[').count();
    }

    private static String reason(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "unknown field";
        }
        if (e instanceof DateRangeModule.OutOfRange) {
            return DateRange.RULE;
        }
        if (e instanceof StrictRequestJson.NulCharacter) {
            return "must not contain the NUL character (U+0000)";
        }
        if (e instanceof InvalidFormatException format && format.getTargetType() != null) {
            Class<?> target = format.getTargetType();
            if (target.isEnum()) {
                return "not one of " + Arrays.stream(target.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
            }
            if (target.getSimpleName().equals("OffsetDateTime")) {
                return "not an ISO-8601 date-time with an offset, e.g. 2026-03-09T10:15:00-04:00";
            }
            return "not a valid " + target.getSimpleName();
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            Class<?> target = mismatch.getTargetType();
            if (target.getSimpleName().equals("OffsetDateTime")) {
                return "not an ISO-8601 date-time with an offset, e.g. 2026-03-09T10:15:00-04:00";
            }
            return "wrong type: expected " + describe(target);
        }
        return "not valid";
    }

    private static String describe(Class<?> target) {
        if (target.isEnum()) {
            return "one of " + Arrays.stream(target.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
        }
        if (Number.class.isAssignableFrom(target) || target.isPrimitive()) {
            return "a number";
        }
        if (target == String.class) {
            return "a string";
        }
        if (List.class.isAssignableFrom(target)) {
            return "an array";
        }
        return "an object";
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            } else if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            }
        }
        return path.isEmpty() ? "$" : path.toString();
    }

    private static boolean hasCause(Throwable ex, Class<? extends Throwable> type) {
        return firstCause(ex, type) != null;
    }

    private static <T extends Throwable> T firstCause(Throwable ex, Class<T> type) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static ResponseEntity<Object> problem(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
