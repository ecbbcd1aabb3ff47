package app.baton.decision;

import app.baton.engine.model.CaseInput;
import app.baton.engine.model.Complexity;
import app.baton.engine.model.Priority;
import app.baton.engine.model.Program;
import app.baton.engine.model.Stage;
import app.baton.engine.model.TaskStatus;
import app.baton.engine.model.TaskType;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class MinimizedInputsTests {

    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-03-09T08:00:00-04:00");
    private static final CaseInput INPUT = new CaseInput(null,
            new CaseInput.Patient("pt-1", "MEDICARE", "1EG4-TE5-MK72", "en", "MAIN_CLINIC", true),
            new CaseInput.CarePlan("cp-1", Program.REFERRAL, Stage.INTAKE, Complexity.HIGH, AT, null, 12, null,
                    "chest pain", "Dr. Roe"),
            new CaseInput.Task("t-1", TaskType.REFERRAL_INTAKE, TaskStatus.NEW, Priority.URGENT, AT, AT, 2, null));

    @Test
    void keepsOnlyIdentifiersWhenTheRulesReadNothingElse() {
        Map<String, Object> kept = MinimizedInputs.of(INPUT, Set.of());

        assertThat(kept.get("patient")).isEqualTo(Map.of("id", "pt-1"));
        assertThat(kept.get("carePlan")).isEqualTo(Map.of("id", "cp-1", "program", "REFERRAL"));
        assertThat(kept.get("task")).isEqualTo(Map.of("id", "t-1", "type", "REFERRAL_INTAKE"));
    }

    @Test
    void keepsWhatTheRulesReadAndOnlyThePresenceOfFreeText() {
        Map<String, Object> kept = MinimizedInputs.of(INPUT,
                Set.of("patient.memberId", "carePlan.referralReason", "task.attempts", "carePlan.dischargeAt"));

        assertThat(kept.get("patient")).isEqualTo(Map.of("id", "pt-1", "memberIdPresent", true));
        assertThat(kept.get("carePlan")).isEqualTo(Map.of("id", "cp-1", "program", "REFERRAL",
                "dischargeAt", "2026-03-09T08:00:00-04:00", "referralReasonPresent", true));
        assertThat(kept.get("task")).isEqualTo(Map.of("id", "t-1", "type", "REFERRAL_INTAKE", "attempts", 2));
        assertThat(kept.toString()).doesNotContain("1EG4-TE5-MK72", "chest pain", "Roe");
    }
}
