package app.baton.dashboard;

import app.baton.engine.model.Program;
import app.baton.engine.model.Queue;
import app.baton.engine.model.Stage;
import app.baton.system.ApiException;
import app.baton.system.Problems;
import org.springframework.http.HttpStatus;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a dashboard figure or the exception report is narrowed to: a program, a queue, a stage, a location,
 * how many months back (SLA attainment, time in stage) and, for the exception report, one reason.
 * {@code callerLocations} is null for a caller who sees every location, otherwise the locations the
 * caller's numbers are limited to.
 */
public record DashboardFilter(Program program, Queue queue, Stage stage, String location, int months, ExceptionReason reason,
                              Set<String> callerLocations) {

    public static final int DEFAULT_MONTHS = 6;
    public static final int MAX_MONTHS = 24;

    /** Checks the request's parameters; a bad one is a 400 naming it. */
    public static DashboardFilter of(String program, String queue, String stage, String location, String months, String reason) {
        return new DashboardFilter(
                code(Program.class, "program", program),
                code(Queue.class, "queue", queue),
                code(Stage.class, "stage", stage),
                location(location),
                months(months),
                code(ExceptionReason.class, "reason", reason),
                null);
    }

    public static DashboardFilter none() {
        return new DashboardFilter(null, null, null, null, DEFAULT_MONTHS, null, null);
    }

    DashboardFilter limitedTo(Set<String> locations) {
        return new DashboardFilter(program, queue, stage, location, months, reason, locations);
    }

    private static <E extends Enum<E>> E code(Class<E> type, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid(field, "one of " + List.of(type.getEnumConstants()));
        }
    }

    private static String location(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!value.strip().matches("[A-Za-z0-9_-]{1,64}")) {
            throw invalid("location", "a location code: letters, digits, '_' or '-', at most 64");
        }
        return value.strip();
    }

    private static int months(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_MONTHS;
        }
        try {
            int months = Integer.parseInt(value.strip());
            if (months >= 1 && months <= MAX_MONTHS) {
                return months;
            }
        } catch (NumberFormatException e) {
            // the same answer as a number out of range
        }
        throw invalid("months", "a whole number from 1 to " + MAX_MONTHS);
    }

    static ApiException invalid(String field, String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, "invalid-request", "The request is not valid", "field '" + field + "' is not valid",
                List.of(new Problems.FieldError(field, message)));
    }
}
