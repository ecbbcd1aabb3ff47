package app.baton.careplan;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Stored rows outlive releases: a plan's facts written before a flag existed, or by a newer release, still read. */
class JsonColumnsTests {

    private final JsonColumns columns = new JsonColumns(new ObjectMapper().registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES));

    @Test
    void factsWrittenBeforeAFlagExistedReadItAsNotOnFile() {
        CaseFacts facts = columns.read("{\"patientId\": \"pt-1\", \"memberIdOnFile\": true, \"program\": \"TCM\"}", CaseFacts.class);

        assertThat(facts.patientId()).isEqualTo("pt-1");
        assertThat(facts.memberIdOnFile()).isTrue();
        assertThat(facts.diagnosisCodeOnFile()).isFalse();
        assertThat(facts.referralReasonOnFile()).isFalse();
    }

    @Test
    void factsWrittenByANewerReleaseReadWithoutTheFieldsThisOneDoesNotKnow() {
        CaseFacts facts = columns.read("{\"patientId\": \"pt-2\", \"aFieldFromTheNextRelease\": 3}", CaseFacts.class);

        assertThat(facts.patientId()).isEqualTo("pt-2");
    }
}
