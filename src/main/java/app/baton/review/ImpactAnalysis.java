package app.baton.review;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * An impact analysis as stored and as answered: the sample it replays, where it stands, and its
 * report once COMPLETED (or the part done when CANCELLED). The report is the stored JSON as is.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImpactAnalysis(UUID id, @JsonFormat(shape = JsonFormat.Shape.STRING) int ruleSetVersion, Map<String, Integer> sample, OffsetDateTime sampleUntil, String status,
                      String requestedBy, OffsetDateTime startedAt, OffsetDateTime finishedAt, String cancelledBy,
                      Progress progress, String failure, @JsonRawValue String report) {

    static final String RUNNING = "RUNNING";

    public record Progress(long processed, Long total, Integer percent) {

        static Progress of(long processed, Long total) {
            Integer percent = total == null ? null : total == 0 ? 100 : (int) Math.min(100, processed * 100 / total);
            return new Progress(processed, total, percent);
        }
    }

    ImpactAnalysis withoutReport() {
        return new ImpactAnalysis(id, ruleSetVersion, sample, sampleUntil, status, requestedBy, startedAt, finishedAt,
                cancelledBy, progress, failure, null);
    }
}
