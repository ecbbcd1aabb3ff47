package app.baton.calendar;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Hands out the working calendar for a practice, by time zone and holiday calendar name. */
@Component
@EnableConfigurationProperties(PracticeProperties.class)
public class PracticeCalendars {

    public static final Set<String> CALENDARS = Set.of("US_FEDERAL", "NONE");

    private final PracticeProperties defaults;
    private final HolidaySchedule usFederal = JollydayHolidays.usFederal();
    private final Map<String, SlaCalendar> cache = new ConcurrentHashMap<>();

    public PracticeCalendars(PracticeProperties defaults) {
        this.defaults = defaults;
        calendar(defaults.timeZone().getId(), defaults.calendar());
    }

    public static PracticeCalendars withDefaults() {
        return new PracticeCalendars(new PracticeProperties(null, null, null, null, null));
    }

    /** The calendar for a request; either argument may be null for the configured default. */
    public SlaCalendar calendar(String timeZone, String calendarName) {
        String zone = timeZone == null ? defaults.timeZone().getId() : timeZone;
        String name = calendarName == null ? defaults.calendar() : calendarName;
        return cache.computeIfAbsent(zone + "|" + name, key -> build(zone, name));
    }

    /**
     * The calendar for a request that names extra closure dates of its own (a decision request's
     * {@code practice.closures}): the configured closures and these. Not cached.
     */
    public SlaCalendar calendar(String timeZone, String calendarName, java.util.Collection<java.time.LocalDate> closures) {
        SlaCalendar base = calendar(timeZone, calendarName);
        if (closures == null || closures.isEmpty()) {
            return base;
        }
        return base.withClosures(closures);
    }

    private SlaCalendar build(String zone, String name) {
        ZoneId zoneId;
        try {
            zoneId = ZoneId.of(zone);
        } catch (DateTimeException e) {
            // The value is never repeated: a caller may have sent patient data in the wrong field.
            throw new UnknownCalendarException("practice.timeZone", "not a known time zone: an IANA name such as America/New_York");
        }
        HolidaySchedule holidays = switch (name) {
            case "US_FEDERAL" -> usFederal;
            case "NONE" -> HolidaySchedule.NONE;
            default -> throw new UnknownCalendarException("practice.calendar",
                    "not a known calendar; known calendars: " + String.join(", ", CALENDARS.stream().sorted().toList()));
        };
        return new SlaCalendar(zoneId, holidays, Set.copyOf(defaults.closures()), defaults.opensAt(), defaults.closesAt());
    }
}
