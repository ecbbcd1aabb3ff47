package app.baton.dashboard;

import app.baton.audit.AuditAction;
import app.baton.audit.AuditCategory;
import app.baton.audit.AuditEntry;
import app.baton.audit.AuditTrail;
import app.baton.calendar.PracticeProperties;
import app.baton.security.CurrentIdentity;
import app.baton.security.Identity;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.io.Writer;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The dashboards' figures and the exception report, limited to the caller's locations (staff of some
 * locations see only their locations' numbers), and their CSV exports, each recorded in the audit
 * trail (action EXPORT) before the first byte leaves.
 */
@Service
public class Dashboards {

    /** Rows of the exception report shown on one page; the CSV export has them all. */
    public static final int PAGE = 200;

    private final DashboardQueries queries;
    private final AuditTrail trail;
    private final Clock clock;
    private final ZoneId zone;

    Dashboards(DashboardQueries queries, AuditTrail trail, Clock clock, PracticeProperties practice) {
        this.queries = queries;
        this.trail = trail;
        this.clock = clock;
        this.zone = practice.timeZone();
    }

    /** Every figure of the dashboard page, read in one read-only transaction so that they agree. */
    @Transactional(readOnly = true)
    public Figures.Dashboard figures(DashboardFilter filter) {
        DashboardFilter f = scoped(filter);
        OffsetDateTime now = now();
        return new Figures.Dashboard(f, now, queries.byStageAndStatus(f), queries.overdueByQueue(f, now, zone),
                queries.slaAttainment(f, now, zone), queries.timeInStage(f, now));
    }

    /**
     * The first {@link #PAGE} rows of the exception report; each read is audited once (a list of tasks, not per task),
     * in the same transaction (so not a read-only one).
     */
    @Transactional
    public Figures.ExceptionReport exceptions(DashboardFilter filter) {
        DashboardFilter f = scoped(filter);
        OffsetDateTime now = now();
        List<Figures.ExceptionRow> rows = new ArrayList<>();
        queries.exceptions(f, now, PAGE, rows::add);
        record(AuditAction.READ, "exception_report", f, Map.of("format", "json", "tasks", String.valueOf(rows.size())));
        return new Figures.ExceptionReport(f, now, rows, queries.exceptionCount(f, now), PAGE);
    }

    /** A checked and recorded export, ready to be written. */
    @FunctionalInterface
    public interface CsvExport {
        void writeTo(Writer writer) throws IOException;
    }

    /** The figures as CSV, one line per number: figure, key, sub-key, value. */
    public CsvExport exportFigures(DashboardFilter filter) {
        Figures.Dashboard d = figures(filter);
        audit("dashboard_figures", d.filter());
        return writer -> {
            DashboardCsv csv = new DashboardCsv(writer);
            csv.line("figure", "key", "subkey", "value");
            d.byStageAndStatus().forEach(c -> csv.line("tasks_by_stage_and_status", c.stage(), c.status(), c.tasks()));
            d.overdueByQueue().forEach(q -> {
                csv.line("open_by_queue", q.queue(), "", q.open());
                csv.line("overdue_by_queue", q.queue(), "", q.overdue());
            });
            d.slaAttainment().forEach(s -> {
                csv.line("sla_due", s.program(), s.month(), s.due());
                csv.line("sla_met", s.program(), s.month(), s.met());
                csv.line("sla_percent", s.program(), s.month(), s.percent());
            });
            d.timeInStage().forEach(t -> {
                csv.line("time_in_stage_tasks", t.stage(), "", t.tasks());
                csv.line("time_in_stage_median_hours", t.stage(), "", t.medianHours());
                csv.line("time_in_stage_p90_hours", t.stage(), "", t.p90Hours());
            });
            writer.flush();
        };
    }

    /** Every row of the exception report as CSV: task and plan ids and codes, no patient data. */
    public CsvExport exportExceptions(DashboardFilter filter) {
        DashboardFilter f = scoped(filter);
        OffsetDateTime now = now();
        audit("exception_report", f);
        return writer -> {
            DashboardCsv csv = new DashboardCsv(writer);
            csv.line("task_id", "plan_id", "program", "task_type", "stage", "status", "queue", "location", "due_at", "reasons");
            queries.exceptions(f, now, 0, r -> csv.line(r.taskId(), r.planId(), r.program(), r.taskType(), r.stage(), r.status(),
                    r.queue(), r.location(), r.dueAt(), String.join("|", r.reasons())));
            writer.flush();
        };
    }

    private void audit(String objectType, DashboardFilter f) {
        record(AuditAction.EXPORT, objectType, f, Map.of("format", "csv"));
    }

    private void record(AuditAction action, String objectType, DashboardFilter f, Map<String, String> first) {
        Map<String, String> details = new LinkedHashMap<>(first);
        if (f.program() != null) {
            details.put("program", f.program().name());
        }
        if (f.queue() != null) {
            details.put("queue", f.queue().name());
        }
        if (f.stage() != null) {
            details.put("stage", f.stage().name());
        }
        if (f.location() != null) {
            details.put("location", f.location());
        }
        if (f.reason() != null) {
            details.put("reason", f.reason().name());
        }
        details.put("months", String.valueOf(f.months()));
        trail.record(AuditEntry.of(action, AuditCategory.TASK, objectType, null).withDetails(details));
    }

    /** Narrows the filter to the caller's locations, unless the caller sees all of them. */
    private static DashboardFilter scoped(DashboardFilter filter) {
        Identity me = CurrentIdentity.find().orElse(null);
        if (me == null) {
            return filter.limitedTo(Set.of());
        }
        return me.locations().contains(Identity.ALL_LOCATIONS) ? filter.limitedTo(null) : filter.limitedTo(me.locations());
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
