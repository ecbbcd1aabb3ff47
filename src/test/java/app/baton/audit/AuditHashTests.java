package app.baton.audit;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class AuditHashTests {

    private static final UUID ID = UUID.fromString("7d3c1c56-1f0e-4a8e-9d8e-2f3f1a0b9c11");
    private static final Instant AT = Instant.parse("2026-03-09T14:15:00.123456Z");

    private static AuditEvent event(String actor, String patientId, Map<String, String> details) {
        return new AuditEvent(ID, 7, AT, actor, "USER", patientId, "READ", "DECISION", "decision", "d-1", "SUCCESS",
                "10.0.0.7", "corr-1", false, details, AuditHash.GENESIS, null);
    }

    @Test
    void hashIsSha256OfTheCanonicalLinesInHex() {
        String hash = AuditHash.of(event("nurse", "pt-1", Map.of()));

        assertThat(hash).hasSize(64).matches("[0-9a-f]{64}");
        assertThat(AuditHash.of(event("nurse", "pt-1", Map.of()))).isEqualTo(hash);
    }

    @Test
    void everyFieldChangesTheHash() {
        String original = AuditHash.of(event("nurse", "pt-1", Map.of("taskId", "t-1")));

        assertThat(AuditHash.of(event("nurse2", "pt-1", Map.of("taskId", "t-1")))).isNotEqualTo(original);
        assertThat(AuditHash.of(event("nurse", "pt-2", Map.of("taskId", "t-1")))).isNotEqualTo(original);
        assertThat(AuditHash.of(event("nurse", "pt-1", Map.of("taskId", "t-2")))).isNotEqualTo(original);
    }

    @Test
    void nullAndEmptyTextHashDifferently() {
        assertThat(AuditHash.of(event("nurse", null, Map.of()))).isNotEqualTo(AuditHash.of(event("nurse", "", Map.of())));
    }

    @Test
    void valuesCannotBeShiftedFromOneFieldToTheNext() {
        String joined = AuditHash.of(event("nurse\npatient_id=3:pt-", "1", Map.of()));

        assertThat(joined).isNotEqualTo(AuditHash.of(event("nurse", "pt-1", Map.of())));
    }

    @Test
    void detailsAreCanonicalWhateverTheirOrder() {
        Map<String, String> ordered = new java.util.LinkedHashMap<>();
        ordered.put("b", "2");
        ordered.put("a", "1");

        assertThat(AuditHash.detailsJson(ordered)).isEqualTo("{\"a\":\"1\",\"b\":\"2\"}");
        assertThat(AuditHash.detailsJson(Map.of())).isNull();
    }
}
