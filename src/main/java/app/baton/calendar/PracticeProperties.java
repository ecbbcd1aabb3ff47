package app.baton.calendar;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/**
 * The practice defaults: used when a decision request carries no {@code practice} block.
 *
 * @param timeZone  IANA zone of the practice
 * @param calendar  holiday calendar name: US_FEDERAL or NONE
 * @param closures  extra closure dates (an office move, a snow day planned ahead)
 * @param opensAt   start of business hours
 * @param closesAt  end of business hours
 */
@ConfigurationProperties("baton.practice")
public record PracticeProperties(ZoneId timeZone, String calendar, List<LocalDate> closures,
                                 LocalTime opensAt, LocalTime closesAt) {

    public PracticeProperties {
        timeZone = timeZone == null ? ZoneId.of("America/New_York") : timeZone;
        calendar = calendar == null || calendar.isBlank() ? "US_FEDERAL" : calendar;
        closures = closures == null ? List.of() : List.copyOf(closures);
        opensAt = opensAt == null ? LocalTime.of(8, 0) : opensAt;
        closesAt = closesAt == null ? LocalTime.of(17, 0) : closesAt;
    }
}
