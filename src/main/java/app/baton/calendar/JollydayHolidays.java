package app.baton.calendar;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;

import java.net.URL;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Holidays computed by Jollyday from a holiday configuration, with observed dates. Years are
 * computed once and cached; a holiday observed on the 31st of December belongs to the next
 * year's list, so both years are consulted. A span of days is counted from the years' lists, not day by day: the
 * sweep asks for the business days since a discharge months ago once per rule that reads them.
 */
final class JollydayHolidays implements HolidaySchedule {

    private final HolidayManager manager;
    private final Map<Integer, Set<LocalDate>> byYear = new ConcurrentHashMap<>();

    JollydayHolidays(URL configuration) {
        this.manager = HolidayManager.getInstance(ManagerParameters.create(Objects.requireNonNull(configuration)));
    }

    static JollydayHolidays usFederal() {
        return new JollydayHolidays(JollydayHolidays.class.getResource("/holidays/us-federal.xml"));
    }

    @Override
    public boolean isClosed(LocalDate date) {
        return observed(date.getYear()).contains(date) || observed(date.getYear() + 1).contains(date);
    }

    /** The holidays of the years the span touches (and the next year's list, for a 31 December), each counted once. */
    @Override
    public int closedWeekdaysBetween(LocalDate from, LocalDate to) {
        if (!to.isAfter(from)) {
            return 0;
        }
        Set<LocalDate> closed = new HashSet<>();
        for (int year = from.getYear(); year <= to.getYear() + 1; year++) {
            for (LocalDate day : observed(year)) {
                if (day.isAfter(from) && !day.isAfter(to) && day.getDayOfWeek() != DayOfWeek.SATURDAY
                        && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                    closed.add(day);
                }
            }
        }
        return closed.size();
    }

    Set<LocalDate> observed(int year) {
        return byYear.computeIfAbsent(year, y -> manager.getHolidays(java.time.Year.of(y)).stream()
                .map(Holiday::getDate)
                .collect(Collectors.toUnmodifiableSet()));
    }
}
