package app.baton.dashboard;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/** The dashboards' figures, as the queries give them. */
public final class Figures {

    private Figures() {
    }

    /** Tasks of one stage in one status. */
    public record StageStatusCount(String stage, String status, long tasks) {
    }

    /** A queue's open tasks and how many of them are overdue. */
    public record QueueOverdue(String queue, long open, long overdue) {
    }

    /**
     * Tasks of a program due in a month (or done before a due date in it), and how many were done by their due
     * date. Cancelled tasks do not count; open tasks past their due date count as missed.
     */
    public record SlaMonth(String program, YearMonth month, long due, long met) {

        /** The share met, in percent with one decimal; null when nothing was due. */
        @JsonProperty("percent")
        public Double percent() {
            return due == 0 ? null : Math.round(met * 1000.0 / due) / 10.0;
        }
    }

    /** How long tasks stayed in a stage until they left it or were done: median and 90th percentile, in hours. */
    public record StageTime(String stage, long tasks, double medianHours, double p90Hours) {
    }

    /** The figures of the dashboard page, all narrowed by one filter. */
    public record Dashboard(DashboardFilter filter, OffsetDateTime asOf, List<StageStatusCount> byStageAndStatus,
                            List<QueueOverdue> overdueByQueue, List<SlaMonth> slaAttainment, List<StageTime> timeInStage) {
    }

    /** One task on the exception report: ids and codes, never patient data. */
    public record ExceptionRow(UUID taskId, UUID planId, String program, String taskType, String stage, String status,
                               String queue, String location, OffsetDateTime dueAt, List<String> reasons) {
    }

    /** A page of the exception report: the first {@code limit} rows, overdue first, and how many there are in all. */
    public record ExceptionReport(DashboardFilter filter, OffsetDateTime asOf, List<ExceptionRow> rows, long total, int limit) {
    }
}
