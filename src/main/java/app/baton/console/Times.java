package app.baton.console;

import app.baton.calendar.PracticeProperties;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;

/** Times as pages show them: in the practice's time zone, named, to the second. Templates call it as {@code @times}. */
@Component("times")
public class Times {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z");

    private final ZoneId zone;

    Times(PracticeProperties practice) {
        this.zone = practice.timeZone();
    }

    public String format(TemporalAccessor time) {
        if (time instanceof Instant instant) {
            return FORMAT.format(instant.atZone(zone));
        }
        if (time instanceof OffsetDateTime offset) {
            return FORMAT.format(offset.atZoneSameInstant(zone));
        }
        return time == null ? "" : time.toString();
    }
}
