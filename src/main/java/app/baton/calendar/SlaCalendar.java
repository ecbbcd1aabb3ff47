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
 * A practice's working calendar: its time zone, its business days, its working days and its business
 * hours. A business day is a weekday that is not a holiday, as regulations count them (CMS counts TCM's
 * "business days" Monday to Friday except holidays, whatever the practice's hours): a practice closure
 * never moves such a deadline. A working day is a business day on which the practice is also open (not
 * one of its closure dates): closures shift work (working-day terms, business hours, days in status),
 * never a regulatory deadline. All arithmetic is done in the practice's zone, so a due date lands on the
 * practice's local day whatever the caller's offset.
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

    /** This calendar with more closure dates (the ones it has and {@code more}). */
    public SlaCalendar withClosures(java.util.Collection<LocalDate> more) {
        Set<LocalDate> all = new java.util.HashSet<>(closures);
        all.addAll(more);
        return new SlaCalendar(zone, holidays, all, opensAt, closesAt);
    }

    public ZoneId zone() {
        return zone;
    }

    /** A working day: a weekday that is neither a holiday nor one of the practice's closure dates. */
    public boolean isBusinessDay(LocalDate date) {
        return isRegulatoryBusinessDay(date) && !closures.contains(date);
    }

    /** A business day as regulations count it: a weekday that is not a holiday; the practice's closures do not matter. */
    public boolean isRegulatoryBusinessDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !holidays.isClosed(date);
    }

    /** The n-th working day after {@code date} (closures skipped; the anchor day itself never counts). */
    public LocalDate addBusinessDays(LocalDate date, int days) {
        return add(date, days, true);
    }

    /** The n-th regulatory business day after {@code date} (closures count as business days; the anchor day never counts). */
    public LocalDate addRegulatoryBusinessDays(LocalDate date, int days) {
        return add(date, days, false);
    }

    private LocalDate add(LocalDate date, int days, boolean skipClosures) {
        LocalDate day = date;
        int left = days;
        while (left > 0) {
            day = day.plusDays(1);
            if (skipClosures ? isBusinessDay(day) : isRegulatoryBusinessDay(day)) {
                left--;
            }
        }
        return day;
    }

    /** Regulatory business days from the start day to {@code to}, counting days after the start day (closures count). */
    public int regulatoryBusinessDaysBetween(ZonedDateTime from, ZonedDateTime to) {
        LocalDate start = from.withZoneSameInstant(zone).toLocalDate();
        LocalDate end = to.withZoneSameInstant(zone).toLocalDate();
        return regulatoryBusinessDaysBetween(start, end);
    }

    /**
     * Weekdays after {@code start} up to {@code end}, less the holidays among them: counted, not walked day by day, so a
     * discharge a year ago costs what yesterday's does.
     */
    private int regulatoryBusinessDaysBetween(LocalDate start, LocalDate end) {
        if (!end.isAfter(start)) {
            return 0;
        }
        return (int) (weekdaysThrough(end) - weekdaysThrough(start)) - holidays.closedWeekdaysBetween(start, end);
    }

    /** Weekdays from 1970-01-05, a Monday, through {@code date} (negative before it): differences of two count a span. */
    private static long weekdaysThrough(LocalDate date) {
        long days = date.toEpochDay() - 4;
        return Math.floorDiv(days, 7) * 5 + Math.min(Math.floorMod(days, 7) + 1, 5);
    }

    /** The first instant at or after {@code at} inside business hours on a working day: when work (a notice) can reach staff. */
    public ZonedDateTime nextBusinessHour(ZonedDateTime at) {
        return nextWorkingInstant(at.withZoneSameInstant(zone));
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
        int closed = 0;
        for (LocalDate day : closures) {
            if (day.isAfter(start) && !day.isAfter(end) && isRegulatoryBusinessDay(day)) {
                closed++;
            }
        }
        return regulatoryBusinessDaysBetween(start, end) - closed;
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
