package app.baton.decision;

import app.baton.HttpJson;
import app.baton.WebIntegrationTest;
import app.baton.PhiValues;
import app.baton.Requests;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sends patient data through the good and the bad paths (free text, wrong types, unknown fields,
 * broken JSON); no answer echoes it. PhiLogScanIT then checks that no log line holds it either.
 */
class PatientDataInputsIntegrationTests extends WebIntegrationTest {

    private static String referral() {
        return Requests.workedExample()
                .replace("\"program\": \"TCM\"", "\"program\": \"REFERRAL\", \"referralReason\": \"" + PhiValues.NOTE
                        + "\", \"referringProvider\": \"" + PhiValues.PROVIDER + "\"")
                .replace("\"TCM_INTERACTIVE_CONTACT\"", "\"REFERRAL_INTAKE\"");
    }

    @Test
    void freeTextIsDecidedOnButNeverStoredOrEchoed() {
        HttpJson.Response decided = http.post("/api/v1/decisions", referral());
        assertThat(decided.status()).isEqualTo(200);

        HttpJson.Response stored = http.get("/api/v1/decisions/" + decided.json().path("decisionId").asText());

        assertThat(stored.json().path("inputs").path("carePlan").path("referralReasonPresent").asBoolean()).isTrue();
        PhiValues.ALL.forEach(value -> assertThat(decided.text() + stored.text()).doesNotContain(value));
    }

    @Test
    void errorsNeverEchoPatientData() {
        String[] bad = {
                referral().replace("\"pt-1001\"", "{\"name\": \"" + PhiValues.PATIENT_NAME + "\"}"),
                referral().replace("\"consentOnFile\": true", "\"consentOnFile\": true, \"dateOfBirthText\": \"" + PhiValues.BIRTH_DATE + "\""),
                referral().replace("\"program\": \"REFERRAL\"", "\"program\": \"" + PhiValues.PATIENT_NAME + "\""),
                referral().replace("\"2026-03-09T10:15:00-04:00\"", "\"" + PhiValues.BIRTH_DATE + "\""),
                "{\"patient\": {\"memberId\": \"" + PhiValues.MEMBER_ID + "\", " + PhiValues.PATIENT_NAME + "}}",
        };
        for (String body : bad) {
            HttpJson.Response response = http.post("/api/v1/decisions", body);
            assertThat(response.status()).isEqualTo(400);
            PhiValues.ALL.forEach(value -> assertThat(response.text()).doesNotContain(value));
        }
    }
}
