package app.baton.queue;

import app.baton.careplan.OpenTaskPages;
import app.baton.careplan.TrackerProblems;

import app.baton.engine.model.Program;
import app.baton.engine.model.Stage;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;

/**
 * What a queue page asks for: the filters, the caller's locations (null: all), the page size and
 * where the previous page ended. Query parameters are read here so that a bad one is a 400 naming it.
 */
record QueueFilter(Stage stage, Program program, String location, Boolean overdue, Set<String> callerLocations, int limit,
                   Cursor after) {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 100;

    /** The sort key of the last task of a page: due date (null: none, sorts last), priority rank, id. */
    record Cursor(OffsetDateTime due, int rank, UUID id) {

        static Cursor of(OpenTaskPages.Key key) {
            return new Cursor(key.due(), key.rank(), key.id());
        }

        String encode() {
            String due = this.due == null ? "-" : String.valueOf(this.due.toInstant().toEpochMilli() * 1000 + this.due.getNano() / 1000 % 1000);
            return Base64.getUrlEncoder().withoutPadding().encodeToString((due + "|" + rank + "|" + id).getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String text) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\\|");
                OffsetDateTime due = parts[0].equals("-") ? null : Instant.EPOCH.plusNanos(Long.parseLong(parts[0]) * 1000).atOffset(ZoneOffset.UTC);
                return new Cursor(due, Integer.parseInt(parts[1]), UUID.fromString(parts[2]));
            } catch (RuntimeException e) {
                throw TrackerProblems.invalid("cursor", "not a cursor this API gave out; use nextCursor of the previous page");
            }
        }
    }

    /** This filter as the care plan's {@link OpenTaskPages} takes it, with {@code now} deciding "overdue". */
    OpenTaskPages.Filter page(OffsetDateTime now) {
        return new OpenTaskPages.Filter(stage, program, location, overdue, callerLocations, limit,
                after == null ? null : new OpenTaskPages.Key(after.due(), after.rank(), after.id()), now);
    }

    static QueueFilter of(String stage, String program, String location, String overdue, Integer limit, String cursor,
                          Set<String> callerLocations) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw TrackerProblems.invalid("limit", "between 1 and " + MAX_LIMIT);
        }
        return new QueueFilter(code(Stage.class, "stage", stage), code(Program.class, "program", program), location,
                overdue == null ? null : bool(overdue), callerLocations, size, cursor == null ? null : Cursor.decode(cursor));
    }

    private static Boolean bool(String value) {
        if (!value.equals("true") && !value.equals("false")) {
            throw TrackerProblems.invalid("overdue", "true or false");
        }
        return Boolean.valueOf(value);
    }

    private static <E extends Enum<E>> E code(Class<E> type, String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw TrackerProblems.invalid(field, "not one of " + String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
        }
    }
}
