package app.baton.audit;

import app.baton.system.ApiException;
import app.baton.system.DateRange;
import app.baton.system.Problems;
import org.springframework.http.HttpStatus;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads report parameters as the caller sent them (strings) and says which ones are wrong, all at
 * once, as a 400 problem naming each parameter. Values are never echoed back.
 */
final class AuditQueryParser {

    private static final int MAX_TEXT = 256;
    private static final int MAX_PAGE = 1_000_000;

    private final List<Problems.FieldError> errors = new ArrayList<>();

    private AuditQueryParser() {
    }

    static AuditQuery parse(String from, String to, String actor, String patientId, String action, String category,
                            String outcome, String sort, String page, String size) {
        AuditQueryParser p = new AuditQueryParser();
        AuditQuery query = new AuditQuery(p.instant("from", from), p.instant("to", to), p.text("actor", actor),
                p.text("patientId", patientId), p.code("action", action, AuditAction.class),
                p.code("category", category, AuditCategory.class), p.code("outcome", outcome, AuditOutcome.class), false,
                p.sort(sort), p.integer("page", page, 0, 0, MAX_PAGE), p.integer("size", size, AuditQuery.DEFAULT_SIZE, 1, AuditQuery.MAX_SIZE), null);
        if (query.from() != null && query.to() != null && !query.from().isBefore(query.to())) {
            p.errors.add(new Problems.FieldError("to", "must be after from"));
        }
        if (!p.errors.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "invalid-request", "The request is not valid",
                    p.errors.size() + " parameter(s) are not valid", p.errors);
        }
        return query;
    }

    private Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            OffsetDateTime time = OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            if (!DateRange.contains(time)) {
                errors.add(new Problems.FieldError(name, DateRange.RULE));
                return null;
            }
            return time.toInstant();
        } catch (DateTimeParseException e) {
            errors.add(new Problems.FieldError(name, "not an ISO-8601 date-time with an offset, e.g. 2026-03-09T10:15:00-04:00 "
                    + "(a + in the offset is %2B in a URL)"));
            return null;
        }
    }

    private String text(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.length() > MAX_TEXT) {
            errors.add(new Problems.FieldError(name, "at most " + MAX_TEXT + " characters"));
            return null;
        }
        return value;
    }

    private <E extends Enum<E>> E code(String name, String value, Class<E> type) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            errors.add(new Problems.FieldError(name, "not one of " + Arrays.stream(type.getEnumConstants())
                    .map(Enum::name).collect(Collectors.joining(", "))));
            return null;
        }
    }

    private int integer(String name, String value, int absent, int min, int max) {
        if (value == null || value.isEmpty()) {
            return absent;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below, like a number out of range
        }
        errors.add(new Problems.FieldError(name, "must be a whole number from " + min + " to " + max));
        return absent;
    }

    /** {@code sort=-occurredAt,actor}: columns in order, a leading minus for descending. */
    private List<AuditQuery.Order> sort(String value) {
        if (value == null || value.isBlank()) {
            return AuditQuery.DEFAULT_SORT;
        }
        List<AuditQuery.Order> orders = new ArrayList<>();
        for (String part : value.split(",", -1)) {
            String token = part.strip();
            boolean descending = token.startsWith("-");
            AuditColumn.byApiName(descending ? token.substring(1) : token)
                    .ifPresent(column -> orders.add(new AuditQuery.Order(column, descending)));
        }
        if (orders.size() < value.split(",", -1).length) {
            errors.add(new Problems.FieldError("sort", "unknown column (columns: " + AuditColumn.apiNames()
                    + "; prefix a column with - to sort descending)"));
            return AuditQuery.DEFAULT_SORT;
        }
        return orders;
    }
}
