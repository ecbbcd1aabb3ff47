package app.baton.calendar;

import java.time.LocalDate;

/** Days on which a practice is closed although they fall on a weekday. */
public interface HolidaySchedule {

    boolean isClosed(LocalDate date);

    /** A schedule with no holidays at all: only weekends are non-business days. */
    HolidaySchedule NONE = date -> false;
}
