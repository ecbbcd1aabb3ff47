package app.baton.engine.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A due term may carry a note in parentheses: it changes nothing in the date and stays in the basis. */
class SlaTermTests {

    @Test
    void noteAfterTheTermIsKeptInTheTextAndLeavesTheTermAsItWas() {
        SlaTerm term = SlaTerm.parse("7 calendar days after submission (practice default: no federal decision clock for this payer or item)")
                .orElseThrow();

        assertThat(term.amount()).isEqualTo(7);
        assertThat(term.unit()).isEqualTo(SlaTerm.Unit.CALENDAR_DAYS);
        assertThat(term.anchor()).isEqualTo(SlaTerm.Anchor.SUBMISSION);
        assertThat(term.text()).isEqualTo("7 calendar days after submission (practice default: no federal decision clock for this payer or item)");
    }

    @Test
    void termWithoutANoteParsesAsBefore() {
        assertThat(SlaTerm.parse("2 business days after discharge")).get()
                .extracting(SlaTerm::unit, SlaTerm::anchor).containsExactly(SlaTerm.Unit.BUSINESS_DAYS, SlaTerm.Anchor.DISCHARGE);
    }

    @Test
    void workingDaysAreTheirOwnUnit() {
        assertThat(SlaTerm.parse("1 working day after creation")).get()
                .extracting(SlaTerm::unit, SlaTerm::anchor).containsExactly(SlaTerm.Unit.WORKING_DAYS, SlaTerm.Anchor.CREATION);
        assertThat(SlaTerm.parse("3 Working  Days after status change")).get()
                .extracting(SlaTerm::unit).isEqualTo(SlaTerm.Unit.WORKING_DAYS);
    }

    @Test
    void noteDoesNotMakeAnUnknownTermValid() {
        assertThat(SlaTerm.parse("two weeks or so (practice default)")).isEmpty();
        assertThat(SlaTerm.parse("(practice default)")).isEmpty();
        assertThat(SlaTerm.parse("7 calendar days after submission (nested (note))")).isEmpty();
    }
}
