package app.baton.notification;

import app.baton.PhiValues;
import app.baton.security.Role;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NoticeTests {

    @Test
    void keepsIdsAndCodesInNameOrder() {
        Notice notice = Notice.of(Notice.HAND_OFF, Audience.queue("NURSING"), "plan-1", "task-7")
                .withCodes(Map.of("toQueue", "NURSING", "fromQueue", "FRONT_DESK", "dueAt", "2026-03-11T23:59:59-04:00"));

        assertThat(notice.codes().keySet()).containsExactly("dueAt", "fromQueue", "toQueue");
    }

    @Test
    void refusesFreeTextInCodesSoNoNameOrNoteRidesAlong() {
        Notice notice = Notice.of(Notice.ESCALATION, Audience.role(Role.CLINICAL_LEAD), "plan-1", null);

        assertThatThrownBy(() -> notice.withCodes(Map.of("patient", PhiValues.PATIENT_NAME)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining(PhiValues.PATIENT_NAME);
        assertThatThrownBy(() -> notice.withCodes(Map.of("note", PhiValues.NOTE))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesKindsThatAreNotCodesAndEmptyAudiences() {
        assertThatThrownBy(() -> Notice.of("hand off", Audience.user("nurse"), null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Audience(null, null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Notice.of(Notice.REMINDER, Audience.user("nurse"), "plan 1", null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theOnePassCheckAnswersAsTheRegularExpressionDoes() {
        String alphabet = "AZaz09_.:/+- \u00e9\n\"%ÄBq";
        Random random = new Random(20261204);
        for (CodeShape shape : CodeShape.values()) {
            int agreedMatches = 0;
            for (int n = 0; n < 50_000; n++) {
                int length = random.nextInt(4) == 0 ? 60 + random.nextInt(80) : random.nextInt(6);
                StringBuilder text = new StringBuilder();
                for (int i = 0; i < length; i++) {
                    text.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                // mostly the shape's own characters, so that many texts match
                String candidate = random.nextBoolean() ? text.toString() : text.toString().replaceAll("[^A-Z0-9]", "A");
                boolean expected = shape.pattern().matcher(candidate).matches();
                assertThat(shape.matches(candidate)).as(shape + " on '" + candidate + "'").isEqualTo(expected);
                agreedMatches += expected ? 1 : 0;
            }
            assertThat(agreedMatches).as(shape + ": texts that match").isGreaterThan(1_000);
            assertThat(shape.matches("")).isFalse();
        }
    }
}
