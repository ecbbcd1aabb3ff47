package app.baton.cdshooks;

import app.baton.fhir.R4OutputCheck;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/** The due date of a suggested Task is an R4 dateTime for every time of day, a full hour included. */
class SuggestedTaskTests {

    static String task(String end) {
        return """
                {"resourceType": "Task", "status": "requested", "intent": "order", "for": {"reference": "Patient/1"},
                 "restriction": {"period": {"end": "%s"}}}""".formatted(end);
    }

    @Test
    void aDueDateOnTheHourKeepsItsSeconds() {
        OffsetDateTime fivePm = OffsetDateTime.parse("2026-03-11T17:00:00-04:00");
        assertThat(CardMaker.dateTime(fivePm)).isEqualTo("2026-03-11T17:00:00-04:00");
        assertThat(R4OutputCheck.errors(task(CardMaker.dateTime(fivePm)))).isEmpty();
        assertThat(CardMaker.dateTime(OffsetDateTime.parse("2026-03-11T23:59:59.5-04:00"))).isEqualTo("2026-03-11T23:59:59.5-04:00");
        // what the Task carried before: refused by the validator
        assertThat(R4OutputCheck.errors(task(fivePm.toString()))).isNotEmpty();
    }
}
