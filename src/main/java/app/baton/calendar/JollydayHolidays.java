package app.baton.calendar;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;

import java.net.URL;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Holidays computed by Jollyday from a holiday configuration, with observed dates. Years are
 * computed once and cached; a holiday observed on the 31st of December belongs to the next
 * year's list, so both years are consulted.
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

    Set<LocalDate> observed(int year) {
        return byYear.computeIfAbsent(year, y -> manager.getHolidays(java.time.Year.of(y)).stream()
                .map(Holiday::getDate)
                .collect(Collectors.toUnmodifiableSet()));
    }
}
