package app.baton.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** Days on which a practice is closed although they fall on a weekday. */
public interface HolidaySchedule {

    boolean isClosed(LocalDate date);

    /**
     * How many weekdays after {@code from} and up to {@code to} (inclusive) are holidays: what a count of business days
     * over that span takes off its weekdays. Day by day here; a schedule that knows its holidays per year counts faster.
     */
    default int closedWeekdaysBetween(LocalDate from, LocalDate to) {
        int closed = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY && isClosed(day)) {
                closed++;
            }
        }
        return closed;
    }

    /** A schedule with no holidays at all: only weekends are non-business days. */
    HolidaySchedule NONE = new HolidaySchedule() {
        @Override
        public boolean isClosed(LocalDate date) {
            return false;
        }

        @Override
        public int closedWeekdaysBetween(LocalDate from, LocalDate to) {
            return 0;
        }
    };
}
