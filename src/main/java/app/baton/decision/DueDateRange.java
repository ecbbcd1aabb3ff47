package app.baton.decision;

import app.baton.engine.model.CaseInput;
import app.baton.system.ApiException;
import app.baton.system.DateRange;
import app.baton.system.Problems;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpStatus;

import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A due date the SLA tables give must itself be a date Baton takes ({@link DateRange}): every input date may be as late
 * as 31 December 9999, but a term counted from such a date ends in the year 10000, which no caller could read back and
 * no stored decision could be shown again. Such a request is a 400 that names the input dates in the range's last year,
 * the ones a due date was counted from, before anything is recorded.
 */
final class DueDateRange {

    private static final Pattern YEAR = Pattern.compile("^[+-]?(\\d{4,})-\\d{2}-\\d{2}");

    private DueDateRange() {
    }

    /** Refuses the decision when its due date is outside {@link DateRange}. */
    static void check(OffsetDateTime dueAt, CaseInput input, ZonedDateTime asOf, ObjectMapper json) {
        if (dueAt == null || DateRange.contains(dueAt)) {
            return;
        }
        List<String> fields = new ArrayList<>();
        if (asOf.getYear() >= DateRange.LAST_YEAR) {
            fields.add("asOf");
        }
        collect(json.valueToTree(input), "", fields);
        if (fields.isEmpty()) {
            fields.add("asOf");
        }
        String message = "a date from which the SLA's due date would fall after the year " + DateRange.LAST_YEAR;
        throw new ApiException(HttpStatus.BAD_REQUEST, "invalid-request", "The request is not valid",
                "the due date counted from " + String.join(", ", fields) + " falls after the year " + DateRange.LAST_YEAR,
                fields.stream().map(field -> new Problems.FieldError(field, message)).toList());
    }

    private static void collect(JsonNode node, String path, List<String> fields) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                collect(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey(), fields);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), path + "[" + i + "]", fields);
            }
        } else if (node.isTextual()) {
            Matcher year = YEAR.matcher(node.asText());
            if (year.find() && Long.parseLong(year.group(1)) >= DateRange.LAST_YEAR) {
                fields.add(path);
            }
        }
    }
}
