package app.baton.review;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An impact analysis as stored and as answered: the sample it replays, where it stands, and its
 * report once COMPLETED (or the part done when CANCELLED). The report is the stored JSON as is. {@code changedRows}
 * (read one at a time only) lists the table rows the version changes, each with its CDS Hooks feedback as it stands now.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImpactAnalysis(UUID id, @JsonFormat(shape = JsonFormat.Shape.STRING) int ruleSetVersion, Map<String, Integer> sample, OffsetDateTime sampleUntil, String status,
                      String requestedBy, OffsetDateTime startedAt, OffsetDateTime finishedAt, String cancelledBy,
                      Progress progress, String failure, @JsonRawValue String report, List<ChangedRow> changedRows) {

    static final String RUNNING = "RUNNING";

    /**
     * {@code processed} and {@code total} count recorded decisions; {@code openTasksProcessed} and {@code openTasksTotal}
     * the open tasks evaluated after them ({@code openTasksTotal} null until that part starts). {@code percent} covers
     * both once the open tasks are counted.
     */
    public record Progress(long processed, Long total, Integer percent, long openTasksProcessed, Long openTasksTotal) {

        static Progress of(long processed, Long total) {
            return of(processed, total, 0, null);
        }

        static Progress of(long processed, Long total, long openProcessed, Long openTotal) {
            long done = processed + (openTotal == null ? 0 : openProcessed);
            Long all = total == null ? null : total + (openTotal == null ? 0 : openTotal);
            Integer percent = all == null ? null : all == 0 ? 100 : (int) Math.min(100, done * 100 / all);
            return new Progress(processed, total, percent, openProcessed, openTotal);
        }
    }

    ImpactAnalysis withoutReport() {
        return new ImpactAnalysis(id, ruleSetVersion, sample, sampleUntil, status, requestedBy, startedAt, finishedAt,
                cancelledBy, progress, failure, null, null);
    }

    /** With the rows the version changes and their CDS Hooks figures as they stand now (read, never stored). */
    ImpactAnalysis withChangedRows(List<ChangedRow> rows) {
        return new ImpactAnalysis(id, ruleSetVersion, sample, sampleUntil, status, requestedBy, startedAt, finishedAt,
                cancelledBy, progress, failure, report, rows);
    }
}
