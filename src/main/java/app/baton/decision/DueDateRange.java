package app.baton.decision;

import app.baton.engine.model.CaseInput;
import app.baton.system.ApiException;
import app.baton.system.DateRange;
import app.baton.system.JsonStrings;
import app.baton.system.Problems;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpStatus;

import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

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
    static void check(OffsetDateTime dueAt, CaseInput input, ZonedDateTime asOf, ObjectMapper json) {
        if (dueAt == null || DateRange.contains(dueAt)) {
            return;
        }
        boolean late = dueAt.getYear() > DateRange.LAST_YEAR;
        int edge = late ? DateRange.LAST_YEAR : DateRange.FIRST_YEAR;
        List<String> fields = new ArrayList<>();
        if (late ? asOf.getYear() >= edge : asOf.getYear() <= edge) {
            fields.add("asOf");
        }
        fields.addAll(JsonStrings.where(json.valueToTree(input), "", text -> DateRange.yearOf(text)
                .stream().anyMatch(year -> late ? year >= DateRange.LAST_YEAR : year <= DateRange.FIRST_YEAR)));
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
