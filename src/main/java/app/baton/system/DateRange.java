package app.baton.system;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.OptionalInt;

/**
 * The dates Baton takes from outside, whoever sends them (JSON, query parameters, console forms): the
 * years 1900 to 9999. Java reads dates up to the year 999,999,999, but date arithmetic near that end
 * overflows and PostgreSQL stores nothing past the year 294,276, so a date outside this range is a 400
 * naming its field rather than a failure deep inside.
 */
public final class DateRange {

    public static final int FIRST_YEAR = 1900;
    public static final int LAST_YEAR = 9999;
    public static final String RULE = "a date from the year " + FIRST_YEAR + " to " + LAST_YEAR;

    private DateRange() {
    }

    /** Whether a value of one of the java.time types Baton reads is in range; other values are. */
    public static boolean contains(Object value) {
        int year;
        if (value instanceof OffsetDateTime t) {
            year = t.getYear();
        } else if (value instanceof Instant t) {
            if (t.isBefore(Instant.parse("1900-01-01T00:00:00Z")) || t.isAfter(Instant.parse("9999-12-31T23:59:59.999999999Z"))) {
                return false;
            }
            year = t.atOffset(ZoneOffset.UTC).getYear();
        } else if (value instanceof LocalDate t) {
            year = t.getYear();
        } else if (value instanceof LocalDateTime t) {
            year = t.getYear();
        } else if (value instanceof ZonedDateTime t) {
            year = t.getYear();
        } else {
            return true;
        }
        return year >= FIRST_YEAR && year <= LAST_YEAR;
    }

    /** The year of a date or date-time as Baton reads it (an OffsetDateTime, a LocalDate...); empty for any other value. */
    public static OptionalInt yearOf(Object value) {
        if (value instanceof OffsetDateTime t) {
            return OptionalInt.of(t.getYear());
        } else if (value instanceof LocalDate t) {
            return OptionalInt.of(t.getYear());
        } else if (value instanceof LocalDateTime t) {
            return OptionalInt.of(t.getYear());
        } else if (value instanceof ZonedDateTime t) {
            return OptionalInt.of(t.getYear());
        }
        return OptionalInt.empty();
    }
}
