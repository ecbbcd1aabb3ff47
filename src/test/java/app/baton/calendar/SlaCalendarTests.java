package app.baton.calendar;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The working calendar behind every SLA due date: business days (weekends, US federal holidays on
 * their observed dates, extra closures), end of day and business hours in the practice's zone,
 * across daylight saving changes.
 */
class SlaCalendarTests {

    /**
     * The default US_FEDERAL calendar only knows Thanksgiving and Christmas today: Jackson reads
     * holidays/us-federal.xml with its Fixed and FixedWeekday elements interleaved and keeps only
     * the last run of each. These tests state the intended behaviour and run once that is fixed.
     */
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private final PracticeCalendars calendars = PracticeCalendars.withDefaults();
    private final SlaCalendar federal = calendars.calendar("America/New_York", "US_FEDERAL");

    private static LocalDate day(String date) {
        return LocalDate.parse(date);
    }

    private static ZonedDateTime at(String isoOffsetDateTime) {
        return ZonedDateTime.parse(isoOffsetDateTime).withZoneSameInstant(NEW_YORK);
    }

    // ---- US federal holidays on their observed dates
    @ParameterizedTest(name = "{1} is observed on {0}")
    @CsvSource(quoteCharacter = '"', value = {
            "2026-01-01, New Year's Day",
            "2026-01-19, Birthday of Martin Luther King Jr.",
            "2026-02-16, Washington's Birthday",
            "2026-05-25, Memorial Day",
            "2026-06-19, Juneteenth",
            "2026-07-03, Independence Day (Saturday 4 July observed on Friday)",
            "2026-09-07, Labor Day",
            "2026-10-12, Columbus Day",
            "2026-11-11, Veterans Day",
            "2026-11-26, Thanksgiving Day",
            "2026-12-25, Christmas Day"})
    void closesOnEachFederalHolidayOf2026OnItsObservedDate(LocalDate observed, String holiday) {
        assertThat(federal.isBusinessDay(observed)).as(holiday).isFalse();
    }

    @Test
    void closesOnThanksgivingAndChristmas2026() {
        assertThat(federal.isBusinessDay(day("2026-11-26"))).isFalse();
        assertThat(federal.isBusinessDay(day("2026-12-25"))).isFalse();
    }
    @Test
    void observesIndependenceDayOnFridayWhenItFallsOnSaturday() {
        assertThat(federal.isBusinessDay(day("2026-07-03"))).isFalse();
        assertThat(federal.isBusinessDay(day("2026-07-02"))).isTrue();
        assertThat(federal.isBusinessDay(day("2026-07-06"))).isTrue();
    }
    @Test
    void observesIndependenceDayOnMondayWhenItFallsOnSunday() {
        assertThat(federal.isBusinessDay(day("2027-07-05"))).isFalse();
        assertThat(federal.isBusinessDay(day("2027-07-02"))).isTrue();
    }
    @Test
    void observesJuneteenthOnFridayWhenItFallsOnSaturday() {
        assertThat(federal.isBusinessDay(day("2027-06-18"))).isFalse();
        assertThat(federal.isBusinessDay(day("2027-06-21"))).isTrue();
    }
    @Test
    void observesNewYearsDay2028OnFriday31December2027() {
        assertThat(federal.isBusinessDay(day("2027-12-31"))).isFalse();
        assertThat(federal.isBusinessDay(day("2027-12-30"))).isTrue();
    }

    @Test
    void observesChristmasOnFridayWhenItFallsOnSaturday() {
        assertThat(federal.isBusinessDay(day("2027-12-24"))).isFalse();
        assertThat(federal.isBusinessDay(day("2027-12-23"))).isTrue();
        assertThat(federal.isBusinessDay(day("2027-12-27"))).isTrue();
    }

    @Test
    void keepsTheDayAfterThanksgivingAndChristmasEveAsBusinessDays() {
        assertThat(federal.isBusinessDay(day("2026-11-27"))).isTrue();
        assertThat(federal.isBusinessDay(day("2026-12-24"))).isTrue();
    }

    @Test
    void treatsWeekendsAsNonBusinessDays() {
        assertThat(federal.isBusinessDay(day("2026-03-07"))).isFalse();
        assertThat(federal.isBusinessDay(day("2026-03-08"))).isFalse();
        assertThat(federal.isBusinessDay(day("2026-03-09"))).isTrue();
    }

    @Test
    void theNoneCalendarClosesOnlyOnWeekends() {
        SlaCalendar none = calendars.calendar("America/New_York", "NONE");

        assertThat(none.isBusinessDay(day("2026-12-25"))).isTrue();
        assertThat(none.isBusinessDay(day("2026-07-03"))).isTrue();
        assertThat(none.isBusinessDay(day("2026-12-26"))).isFalse();
    }

    // ---- adding business days

    @Test
    void addBusinessDaysSkipsTheWeekend() {
        assertThat(federal.addBusinessDays(day("2026-03-06"), 1)).isEqualTo(day("2026-03-09"));
        assertThat(federal.addBusinessDays(day("2026-03-05"), 2)).isEqualTo(day("2026-03-09"));
        assertThat(federal.addBusinessDays(day("2026-03-09"), 5)).isEqualTo(day("2026-03-16"));
    }

    @Test
    void addBusinessDaysNeverCountsTheAnchorDayEvenOnAWeekend() {
        assertThat(federal.addBusinessDays(day("2026-03-07"), 1)).isEqualTo(day("2026-03-09"));
        assertThat(federal.addBusinessDays(day("2026-03-07"), 0)).isEqualTo(day("2026-03-07"));
    }

    @Test
    void addBusinessDaysSkipsThanksgivingAndTheWeekendAfterIt() {
        assertThat(federal.addBusinessDays(day("2026-11-25"), 1)).isEqualTo(day("2026-11-27"));
        assertThat(federal.addBusinessDays(day("2026-11-25"), 2)).isEqualTo(day("2026-11-30"));
    }

    @Test
    void addBusinessDaysSkipsChristmasObservedOnFriday() {
        assertThat(federal.addBusinessDays(day("2027-12-23"), 1)).isEqualTo(day("2027-12-27"));
    }
    @Test
    void addBusinessDaysSkipsTheObservedIndependenceDayAndTheWeekend() {
        assertThat(federal.addBusinessDays(day("2026-07-02"), 2)).isEqualTo(day("2026-07-07"));
    }
    @Test
    void addBusinessDaysSkipsColumbusDay() {
        assertThat(federal.addBusinessDays(day("2026-10-09"), 2)).isEqualTo(day("2026-10-14"));
    }

    // ---- end of day across daylight saving changes

    @Test
    void endsTheDayInDaylightTimeFromTheDayClocksSpringForward() {
        assertThat(federal.endOfDay(day("2026-03-07")).toOffsetDateTime())
                .isEqualTo("2026-03-07T23:59:59-05:00");
        assertThat(federal.endOfDay(day("2026-03-08")).toOffsetDateTime())
                .isEqualTo("2026-03-08T23:59:59-04:00");
    }

    @Test
    void endsTheDayInStandardTimeFromTheDayClocksFallBack() {
        assertThat(federal.endOfDay(day("2026-10-31")).toOffsetDateTime())
                .isEqualTo("2026-10-31T23:59:59-04:00");
        assertThat(federal.endOfDay(day("2026-11-01")).toOffsetDateTime())
                .isEqualTo("2026-11-01T23:59:59-05:00");
    }

    @Test
    void endsTheDayInThePracticeZone() {
        SlaCalendar chicago = calendars.calendar("America/Chicago", "US_FEDERAL");

        assertThat(chicago.endOfDay(day("2026-03-11")).toOffsetDateTime())
                .isEqualTo("2026-03-11T23:59:59-05:00");
    }

    // ---- adding business hours (08:00-17:00 by default)

    @Test
    void addBusinessHoursCarriesTheRemainderOverTheNight() {
        assertThat(federal.addBusinessHours(at("2026-03-10T15:00:00-04:00"), 4))
                .isEqualTo(at("2026-03-11T10:00:00-04:00"));
    }

    @Test
    void addBusinessHoursCarriesTheRemainderOverTheWeekend() {
        assertThat(federal.addBusinessHours(at("2026-03-13T16:00:00-04:00"), 3))
                .isEqualTo(at("2026-03-16T10:00:00-04:00"));
    }

    @Test
    void addBusinessHoursCanEndExactlyAtClosingTime() {
        assertThat(federal.addBusinessHours(at("2026-03-10T13:00:00-04:00"), 4))
                .isEqualTo(at("2026-03-10T17:00:00-04:00"));
    }

    @Test
    void addBusinessHoursStartsCountingAtOpeningTimeWhenStartedBeforeIt() {
        assertThat(federal.addBusinessHours(at("2026-03-10T06:30:00-04:00"), 2))
                .isEqualTo(at("2026-03-10T10:00:00-04:00"));
    }

    @Test
    void addBusinessHoursStartsOnMondayMorningWhenStartedOnSaturday() {
        assertThat(federal.addBusinessHours(at("2026-03-14T11:00:00-04:00"), 1))
                .isEqualTo(at("2026-03-16T09:00:00-04:00"));
    }

    @Test
    void addBusinessHoursOverTheSpringForwardWeekendKeepsLocalOpeningHours() {
        assertThat(federal.addBusinessHours(at("2026-03-06T15:00:00-05:00"), 4).toOffsetDateTime())
                .isEqualTo("2026-03-09T10:00:00-04:00");
    }

    @Test
    void addBusinessHoursSkipsChristmasAndTheWeekend() {
        assertThat(federal.addBusinessHours(at("2026-12-24T15:00:00-05:00"), 4).toOffsetDateTime())
                .isEqualTo("2026-12-28T10:00:00-05:00");
    }

    @Test
    void addBusinessHoursReadsAStartGivenInUtcOnThePracticeClock() {
        // 20:00 UTC is 16:00 in New York: one hour left that day, one the next morning.
        ZonedDateTime utc = ZonedDateTime.parse("2026-03-10T20:00:00Z");

        assertThat(federal.addBusinessHours(utc, 2).toOffsetDateTime())
                .isEqualTo("2026-03-11T09:00:00-04:00");
    }

    // ---- business days between two instants

    @Test
    void businessDaysBetweenIsZeroOnTheSameDay() {
        assertThat(federal.businessDaysBetween(at("2026-04-06T08:00:00-04:00"), at("2026-04-06T17:00:00-04:00")))
                .isZero();
    }

    @Test
    void businessDaysBetweenCountsTheDaysAfterTheStartDayUpToTheEndDay() {
        assertThat(federal.businessDaysBetween(at("2026-04-06T11:00:00-04:00"), at("2026-04-09T10:00:00-04:00")))
                .isEqualTo(3);
    }

    @Test
    void businessDaysBetweenSkipsTheWeekendAndThanksgiving() {
        assertThat(federal.businessDaysBetween(at("2026-11-25T11:00:00-05:00"), at("2026-11-30T09:00:00-05:00")))
                .isEqualTo(2);
    }

    @Test
    void businessDaysBetweenIsZeroWhenTheEndIsBeforeTheStart() {
        assertThat(federal.businessDaysBetween(at("2026-04-09T10:00:00-04:00"), at("2026-04-06T11:00:00-04:00")))
                .isZero();
    }

    @Test
    void businessDaysBetweenCountsPracticeLocalDatesNotUtcDates() {
        // 03:30 UTC on Tuesday is still Monday 23:30 in New York; 14:00 UTC is Tuesday 10:00.
        ZonedDateTime from = ZonedDateTime.parse("2026-03-10T03:30:00Z");
        ZonedDateTime to = ZonedDateTime.parse("2026-03-10T14:00:00Z");

        assertThat(federal.businessDaysBetween(from, to)).isEqualTo(1);
    }

    // ---- extra closure dates and business hours of a practice

    @Test
    void extraClosureDatesAreNotBusinessDays() {
        SlaCalendar snowDay = new SlaCalendar(NEW_YORK, HolidaySchedule.NONE, Set.of(day("2026-03-10")),
                LocalTime.of(8, 0), LocalTime.of(17, 0));

        assertThat(snowDay.isBusinessDay(day("2026-03-10"))).isFalse();
        assertThat(snowDay.addBusinessDays(day("2026-03-09"), 1)).isEqualTo(day("2026-03-11"));
        assertThat(snowDay.businessDaysBetween(at("2026-03-09T09:00:00-04:00"), at("2026-03-11T09:00:00-04:00")))
                .isEqualTo(1);
        assertThat(snowDay.addBusinessHours(at("2026-03-09T16:00:00-04:00"), 2))
                .isEqualTo(at("2026-03-11T09:00:00-04:00"));
    }

    @Test
    void extraClosureDatesAddToTheHolidaySchedule() {
        HolidaySchedule christmas = date -> date.equals(day("2026-12-25"));
        SlaCalendar closedChristmasEve = new SlaCalendar(NEW_YORK, christmas, Set.of(day("2026-12-24")),
                LocalTime.of(8, 0), LocalTime.of(17, 0));

        assertThat(closedChristmasEve.addBusinessDays(day("2026-12-23"), 1)).isEqualTo(day("2026-12-28"));
    }

    @Test
    void closuresNeverMoveARegulatoryBusinessDayButHolidaysDo() {
        HolidaySchedule christmas = date -> date.equals(day("2026-12-25"));
        SlaCalendar closedChristmasEve = new SlaCalendar(NEW_YORK, christmas, Set.of(day("2026-12-24")),
                LocalTime.of(8, 0), LocalTime.of(17, 0));

        assertThat(closedChristmasEve.isRegulatoryBusinessDay(day("2026-12-24"))).isTrue();
        assertThat(closedChristmasEve.isRegulatoryBusinessDay(day("2026-12-25"))).isFalse();
        assertThat(closedChristmasEve.addRegulatoryBusinessDays(day("2026-12-23"), 1)).isEqualTo(day("2026-12-24"));
        assertThat(closedChristmasEve.addRegulatoryBusinessDays(day("2026-12-23"), 2)).isEqualTo(day("2026-12-28"));
        assertThat(closedChristmasEve.regulatoryBusinessDaysBetween(at("2026-12-23T09:00:00-05:00"), at("2026-12-28T09:00:00-05:00")))
                .isEqualTo(2);
    }

    @Test
    void countsSpansOfDaysAsWalkingThemDayByDayWould() {
        // Spans of up to three years from 2019 to 2031, with closures (one on a holiday, one on a Saturday, one on a
        // working day) and holidays observed in the year before their own (1 January 2022 and 2028, on 31 December).
        SlaCalendar withClosures = federal.withClosures(Set.of(day("2026-12-24"), day("2026-12-25"), day("2027-01-02"),
                day("2021-03-10")));
        java.util.Random random = new java.util.Random(7);
        LocalDate first = day("2019-01-01");
        for (int i = 0; i < 3_000; i++) {
            LocalDate start = first.plusDays(random.nextInt(4_400));
            LocalDate end = start.plusDays(random.nextInt(1_100) - 10);
            ZonedDateTime from = start.atTime(10, 0).atZone(NEW_YORK);
            ZonedDateTime to = end.atTime(15, 0).atZone(NEW_YORK);
            assertThat(withClosures.regulatoryBusinessDaysBetween(from, to)).as("regulatory days after %s up to %s", start, end)
                    .isEqualTo(walked(start, end, withClosures::isRegulatoryBusinessDay));
            assertThat(withClosures.businessDaysBetween(from, to)).as("working days after %s up to %s", start, end)
                    .isEqualTo(walked(start, end, withClosures::isBusinessDay));
        }
    }

    private static int walked(LocalDate start, LocalDate end, java.util.function.Predicate<LocalDate> counts) {
        int count = 0;
        for (LocalDate day = start.plusDays(1); !day.isAfter(end); day = day.plusDays(1)) {
            count += counts.test(day) ? 1 : 0;
        }
        return count;
    }

    @Test
    void nextBusinessHourWaitsForTheOpeningOfTheNextWorkingDay() {
        SlaCalendar snowDay = new SlaCalendar(NEW_YORK, HolidaySchedule.NONE, Set.of(day("2026-03-10")),
                LocalTime.of(8, 0), LocalTime.of(17, 0));

        assertThat(snowDay.nextBusinessHour(at("2026-03-09T00:00:01-04:00"))).isEqualTo(at("2026-03-09T08:00:00-04:00"));
        assertThat(snowDay.nextBusinessHour(at("2026-03-09T10:30:00-04:00"))).isEqualTo(at("2026-03-09T10:30:00-04:00"));
        assertThat(snowDay.nextBusinessHour(at("2026-03-09T17:30:00-04:00"))).isEqualTo(at("2026-03-11T08:00:00-04:00"));
    }

    @Test
    void addBusinessHoursFollowsThePracticeOpeningHours() {
        SlaCalendar mornings = new SlaCalendar(NEW_YORK, HolidaySchedule.NONE, Set.of(),
                LocalTime.of(9, 0), LocalTime.of(13, 0));

        assertThat(mornings.addBusinessHours(at("2026-03-09T12:00:00-04:00"), 3))
                .isEqualTo(at("2026-03-10T11:00:00-04:00"));
    }

    @Test
    void rejectsBusinessHoursThatDoNotOpenBeforeTheyClose() {
        assertThatThrownBy(() -> new SlaCalendar(NEW_YORK, HolidaySchedule.NONE, Set.of(),
                LocalTime.of(17, 0), LocalTime.of(8, 0)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ---- choosing a practice's calendar

    @Test
    void usesNewYorkAndUsFederalHolidaysWhenTheRequestNamesNeither() {
        SlaCalendar defaults = calendars.calendar(null, null);

        assertThat(defaults.zone()).isEqualTo(NEW_YORK);
        assertThat(defaults.isBusinessDay(day("2026-12-25"))).isFalse();
    }

    @Test
    void rejectsAnUnknownCalendarNamingTheCalendarFieldNotTheValue() {
        assertThatThrownBy(() -> calendars.calendar("America/New_York", "UK_BANK_HOLIDAYS"))
                .isInstanceOfSatisfying(UnknownCalendarException.class, e -> {
                    assertThat(e.field()).isEqualTo("practice.calendar");
                    // the known calendars are listed; the value sent is not repeated (it may be patient data)
                    assertThat(e.getMessage()).contains("NONE, US_FEDERAL").doesNotContain("UK_BANK_HOLIDAYS");
                });
    }

    @Test
    void rejectsAnUnknownTimeZoneNamingTheTimeZoneFieldNotTheValue() {
        assertThatThrownBy(() -> calendars.calendar("Mars/Olympus_Mons", "US_FEDERAL"))
                .isInstanceOfSatisfying(UnknownCalendarException.class, e -> {
                    assertThat(e.field()).isEqualTo("practice.timeZone");
                    assertThat(e.getMessage()).contains("IANA").doesNotContain("Mars/Olympus_Mons");
                });
    }
}
