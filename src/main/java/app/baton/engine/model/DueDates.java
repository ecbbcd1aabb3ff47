package app.baton.engine.model;

import app.baton.calendar.SlaCalendar;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Optional;

/** Turns a due-date term into an instant on the practice's calendar. */
final class DueDates {

    private DueDates() {
    }

    /** Empty when the anchor event is absent from the request (the missing-info rules say so). */
    static Optional<ZonedDateTime> dueAt(TaskCase task, SlaTerm term) {
        SlaCalendar calendar = task.calendar();
        return anchor(task, term.anchor()).map(start -> switch (term.unit()) {
            case BUSINESS_DAYS -> calendar.endOfDay(calendar.addRegulatoryBusinessDays(start.toLocalDate(), term.amount()));
            case WORKING_DAYS -> calendar.endOfDay(calendar.addBusinessDays(start.toLocalDate(), term.amount()));
            case CALENDAR_DAYS -> calendar.endOfDay(start.toLocalDate().plusDays(term.amount()));
            case HOURS -> start.plusHours(term.amount());
            case BUSINESS_HOURS -> calendar.addBusinessHours(start, term.amount());
            case END_OF_MONTH -> {
                LocalDate day = start.toLocalDate();
                yield calendar.endOfDay(day.withDayOfMonth(day.lengthOfMonth()));
            }
        });
    }

    private static Optional<ZonedDateTime> anchor(TaskCase task, SlaTerm.Anchor anchor) {
        CaseInput input = task.input();
        return switch (anchor) {
            case DISCHARGE -> local(task, input.carePlan().dischargeAt());
            case CREATION -> local(task, input.task().createdAt());
            case SUBMISSION -> local(task, input.task().submittedAt());
            case STATUS_CHANGE -> local(task, input.task().statusSince());
            case PERIOD_START -> Optional.ofNullable(input.carePlan().periodStart())
                    .map(day -> day.atStartOfDay(task.calendar().zone()));
        };
    }

    private static Optional<ZonedDateTime> local(TaskCase task, OffsetDateTime time) {
        return Optional.ofNullable(task.local(time));
    }
}
