package app.baton.review;

import app.baton.engine.model.CaseInput;
import app.baton.engine.model.Program;
import app.baton.engine.model.TaskStatus;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/** The case rebuilt from minimized inputs as the decision module stores them. */
class RecordedInputsTests {

    @Test
    void presentOnlyFieldsBecomeAPlaceholderAndAbsentOnesStayAbsent() throws Exception {
        var stored = new ObjectMapper().readTree("""
                {"practice": {"timeZone": "America/Chicago", "calendar": "NONE"},
                 "patient": {"id": "pt-1", "memberIdPresent": true, "location": "MAIN_CLINIC", "consentOnFile": false},
                 "carePlan": {"id": "cp-1", "program": "REFERRAL", "referralReasonPresent": false},
                 "task": {"id": "t-1", "type": "REFERRAL_INTAKE", "status": "NEW", "attempts": 2,
                          "createdAt": "2026-03-09T08:05:00-05:00"}}""");

        CaseInput input = RecordedInputs.caseInput(stored);

        assertThat(input.practice().timeZone()).isEqualTo("America/Chicago");
        assertThat(input.patient().memberId()).isEqualTo(RecordedInputs.PRESENT);
        assertThat(input.patient().payer()).isNull();
        assertThat(input.patient().consentOnFile()).isFalse();
        assertThat(input.carePlan().program()).isEqualTo(Program.REFERRAL);
        assertThat(input.carePlan().referralReason()).isNull();
        assertThat(input.carePlan().referringProvider()).isNull();
        assertThat(input.task().status()).isEqualTo(TaskStatus.NEW);
        assertThat(input.task().attempts()).isEqualTo(2);
        assertThat(input.task().createdAt()).isEqualTo(OffsetDateTime.parse("2026-03-09T08:05:00-05:00"));
    }

    @Test
    void recordWithoutPracticeOrPatientUsesNone() throws Exception {
        var stored = new ObjectMapper().readTree("""
                {"carePlan": {"program": "GENERAL"}, "task": {"id": "t-2", "type": "OUTREACH_CALL", "status": "NEW"}}""");

        CaseInput input = RecordedInputs.caseInput(stored);

        assertThat(input.practice()).isNull();
        assertThat(input.patient()).isNull();
        assertThat(input.carePlan().program()).isEqualTo(Program.GENERAL);
    }
}
