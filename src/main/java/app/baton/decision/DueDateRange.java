package app.baton.decision;

import app.baton.engine.model.CaseInput;
import app.baton.system.ApiException;
import app.baton.system.DateRange;
import app.baton.system.RecordPaths;
import app.baton.system.Problems;
import org.springframework.http.HttpStatus;

import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * A due date the SLA tables give must itself be a date Baton takes ({@link DateRange}): an input date may be as late
 * as 31 December 9999, but a term counted from it ends in the year 10000, which no caller could read back and no stored
 * decision could be shown again (likewise before 1900, from a date a FHIR body carried). Such a request is a 400 naming
 * the input dates at that end of the range, the ones the due date was counted from, before anything is recorded.
 */
final class DueDateRange {

    private DueDateRange() {
    }

    /** Refuses the decision when its due date is outside {@link DateRange}. */
    static void check(OffsetDateTime dueAt, CaseInput input, ZonedDateTime asOf) {
        if (dueAt == null || DateRange.contains(dueAt)) {
            return;
        }
        boolean late = dueAt.getYear() > DateRange.LAST_YEAR;
        int edge = late ? DateRange.LAST_YEAR : DateRange.FIRST_YEAR;
        // a date in the range's last (or first) year, or past it: one the due date may have been counted from
        IntPredicate atEdge = late ? year -> year >= edge : year -> year <= edge;
        List<String> fields = new ArrayList<>();
        if (atEdge.test(asOf.getYear())) {
            fields.add("asOf");
        }
        fields.addAll(RecordPaths.where(input, value -> DateRange.yearOf(value).stream().anyMatch(atEdge)));
        if (fields.isEmpty()) {
            fields.add("asOf");
        }
        String side = (late ? "after" : "before") + " the year " + edge;
        String message = "a date from which the SLA's due date would fall " + side;
        throw new ApiException(HttpStatus.BAD_REQUEST, "invalid-request", "The request is not valid",
                "the due date counted from " + String.join(", ", fields) + " falls " + side,
                fields.stream().map(field -> new Problems.FieldError(field, message)).toList());
    }
}
