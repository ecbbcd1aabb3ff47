package app.baton.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Set;

/**
 * A practice's working calendar: its time zone, its business days (weekdays that are not
 * holidays or closures) and its business hours. All arithmetic is done in the practice's zone,
 * so a due date lands on the practice's local day whatever the caller's offset.
 */
public final class SlaCalendar {

    private static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

    private final ZoneId zone;
    private final HolidaySchedule holidays;
    private final Set<LocalDate> closures;
    private final LocalTime opensAt;
    private final LocalTime closesAt;

    public SlaCalendar(ZoneId zone, HolidaySchedule holidays, Set<LocalDate> closures,
                       LocalTime opensAt, LocalTime closesAt) {
        if (!opensAt.isBefore(closesAt)) {
            throw new IllegalArgumentException("business hours must open before they close");
        }
        this.zone = zone;
        this.holidays = holidays;
        this.closures = Set.copyOf(closures);
        this.opensAt = opensAt;
        this.closesAt = closesAt;
    }

    public ZoneId zone() {
        return zone;
    }

    public boolean isBusinessDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY
                && !holidays.isClosed(date) && !closures.contains(date);
    }

    /** The n-th business day after {@code date} (the anchor day itself never counts). */
    public LocalDate addBusinessDays(LocalDate date, int days) {
        LocalDate day = date;
        int left = days;
        while (left > 0) {
            day = day.plusDays(1);
            if (isBusinessDay(day)) {
                left--;
            }
        }
        return day;
    }

    /** 23:59:59 of that day in the practice's zone: "due on a day" means by the end of it. */
    public ZonedDateTime endOfDay(LocalDate date) {
        return date.atTime(END_OF_DAY).atZone(zone);
    }

    /** Adds working time: only hours inside business hours on business days count. */
    public ZonedDateTime addBusinessHours(ZonedDateTime start, int hours) {
        ZonedDateTime at = start.withZoneSameInstant(zone);
        Duration left = Duration.ofHours(hours);
        while (true) {
            at = nextWorkingInstant(at);
            ZonedDateTime close = at.toLocalDate().atTime(closesAt).atZone(zone);
            Duration available = Duration.between(at, close);
            if (available.compareTo(left) >= 0) {
                return at.plus(left);
            }
            left = left.minus(available);
            at = close;
        }
    }

    /** Whole business days from {@code from} to {@code to}, counting days after the start day. */
    public int businessDaysBetween(ZonedDateTime from, ZonedDateTime to) {
        LocalDate start = from.withZoneSameInstant(zone).toLocalDate();
        LocalDate end = to.withZoneSameInstant(zone).toLocalDate();
        int count = 0;
        for (LocalDate day = start.plusDays(1); !day.isAfter(end); day = day.plusDays(1)) {
            if (isBusinessDay(day)) {
                count++;
            }
        }
        return count;
    }

    private ZonedDateTime nextWorkingInstant(ZonedDateTime at) {
        ZonedDateTime candidate = at;
        while (true) {
            LocalDate day = candidate.toLocalDate();
            if (isBusinessDay(day)) {
                ZonedDateTime open = day.atTime(opensAt).atZone(zone);
                ZonedDateTime close = day.atTime(closesAt).atZone(zone);
                if (candidate.isBefore(open)) {
                    return open;
                }
                if (candidate.isBefore(close)) {
                    return candidate;
                }
            }
            candidate = day.plus(1, ChronoUnit.DAYS).atStartOfDay(zone);
        }
    }
}
