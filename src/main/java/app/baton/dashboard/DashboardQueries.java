package app.baton.dashboard;

import app.baton.engine.model.Stage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The figures, read from the dashboards' own projection ({@link DashboardProjection}), never from the tracker's
 * tables: the counts and the closed part of SLA attainment from rollups, the open work (overdue, open tasks past
 * due, the exception report) from the projection's open task rows, time in stage from each task's kept stays. Every
 * query takes the same filter, on the task's current location, program, queue and stage, so the numbers of one
 * page always agree with each other and with the exception report behind them.
 */
@Repository
class DashboardQueries {

    private static final String OPEN = "t.status not in ('DONE', 'CANCELLED')";
    /** The stages in the order work moves through them (enum constants, so safe to write into the SQL). */
    private static final String STAGES = Arrays.stream(Stage.values()).map(s -> "'" + s.name() + "'")
            .collect(Collectors.joining(", ", "array[", "]"));

    private final JdbcClient jdbc;

    DashboardQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Where-clause and parameters of a filter, on a row alias that has location, program, queue and stage. */
    private record Where(String sql, Map<String, Object> params) {

        static Where of(DashboardFilter f) {
            return of(f, "t");
        }

        static Where of(DashboardFilter f, String a) {
            StringBuilder sql = new StringBuilder(" true");
            Map<String, Object> params = new HashMap<>();
            if (f.callerLocations() != null) {
                sql.append(" and ").append(a).append(".location in (:callerLocations)");
                params.put("callerLocations", f.callerLocations().isEmpty() ? Set.of("") : f.callerLocations());
            }
            if (f.program() != null) {
                sql.append(" and ").append(a).append(".program = :program");
                params.put("program", f.program().name());
            }
            if (f.queue() != null) {
                sql.append(" and ").append(a).append(".queue = :queue");
                params.put("queue", f.queue().name());
            }
            if (f.stage() != null) {
                sql.append(" and ").append(a).append(".stage = :stage");
                params.put("stage", f.stage().name());
            }
            if (f.location() != null) {
                sql.append(" and ").append(a).append(".location = :location");
                params.put("location", f.location());
            }
            return new Where(sql.toString(), params);
        }

        Map<String, Object> with(Object... pairs) {
            Map<String, Object> all = new HashMap<>(params);
            for (int i = 0; i < pairs.length; i += 2) {
                all.put((String) pairs[i], pairs[i + 1]);
            }
            return all;
        }
    }

    /** From the count rollup: a sum over at most a few hundred rows, however many tasks there are. */
    List<Figures.StageStatusCount> byStageAndStatus(DashboardFilter f) {
        Where w = Where.of(f, "r");
        return jdbc.sql("select r.stage, r.status, sum(r.tasks) as tasks from dashboard_count r where" + w.sql()
                        + " group by r.stage, r.status having sum(r.tasks) > 0 order by array_position(" + STAGES + ", r.stage), r.status")
                .params(w.params())
                .query((rs, n) -> new Figures.StageStatusCount(rs.getString(1), rs.getString(2), rs.getLong(3))).list();
    }

    /** The first instant of the month {@code now} is in, in the practice's zone. */
    private static OffsetDateTime monthStart(OffsetDateTime now, ZoneId zone) {
        return YearMonth.from(now.atZoneSameInstant(zone)).atDay(1).atStartOfDay(zone).toOffsetDateTime();
    }

    /**
     * Open work by queue and how much of it is past due now: open tasks from the count rollup; overdue ones from the
     * monthly rollup for the months before this one (all of their open tasks are past due), and counted live from
     * the open task rows for this month up to now (what is overdue moves with the clock).
     */
    List<Figures.QueueOverdue> overdueByQueue(DashboardFilter f, OffsetDateTime now, ZoneId zone) {
        Map<String, long[]> queues = new TreeMap<>();
        Where r = Where.of(f, "r");
        jdbc.sql("select r.queue, sum(r.tasks) from dashboard_count r where r.status not in ('DONE', 'CANCELLED') and" + r.sql()
                        + " group by r.queue")
                .params(r.params())
                .query(rs -> {
                    queues.computeIfAbsent(rs.getString(1), k -> new long[2])[0] += rs.getLong(2);
                });
        OffsetDateTime month = monthStart(now, zone);
        jdbc.sql("select r.queue, sum(r.open) from dashboard_sla_month r where r.month < :month and" + r.sql() + " group by r.queue")
                .params(r.with("month", YearMonth.from(now.atZoneSameInstant(zone)).toString()))
                .query(rs -> {
                    queues.computeIfAbsent(rs.getString(1), k -> new long[2])[1] += rs.getLong(2);
                });
        Where w = Where.of(f);
        jdbc.sql("select coalesce(t.queue, ''), count(*) from dashboard_task t where " + OPEN
                        + " and t.due_at >= :month and t.due_at < :now and" + w.sql() + " group by 1")
                .params(w.with("month", month, "now", now))
                .query(rs -> {
                    queues.computeIfAbsent(rs.getString(1), k -> new long[2])[1] += rs.getLong(2);
                });
        List<Figures.QueueOverdue> rows = new ArrayList<>();
        queues.forEach((queue, n) -> {
            if (n[0] > 0) {
                rows.add(new Figures.QueueOverdue(queue.isEmpty() ? "(none)" : queue, n[0], n[1]));
            }
        });
        rows.sort(java.util.Comparator.comparingLong(Figures.QueueOverdue::overdue).reversed().thenComparing(Figures.QueueOverdue::queue));
        return rows;
    }

    /**
     * Tasks by the month of their due date, in the practice's zone, from the first day of the month
     * {@code months - 1} before this one: due by now (or already done), cancelled ones left out. From the monthly
     * rollup: done tasks of every month from the first, and open ones (missed) of the months before this one; this
     * month's open tasks already past due are counted live from the open task rows.
     */
    List<Figures.SlaMonth> slaAttainment(DashboardFilter f, OffsetDateTime now, ZoneId zone) {
        YearMonth current = YearMonth.from(now.atZoneSameInstant(zone));
        YearMonth first = current.minusMonths(f.months() - 1L);
        Map<String, long[]> months = new TreeMap<>();
        Where r = Where.of(f, "r");
        jdbc.sql("select r.program, r.month, sum(r.done), sum(r.met), sum(r.open) filter (where r.month < :current)"
                        + " from dashboard_sla_month r where r.month >= :first and" + r.sql() + " group by 1, 2")
                .params(r.with("first", first.toString(), "current", current.toString()))
                .query(rs -> {
                    long[] m = months.computeIfAbsent(rs.getString(1) + " " + rs.getString(2), k -> new long[2]);
                    m[0] += rs.getLong(3) + rs.getLong(5);
                    m[1] += rs.getLong(4);
                });
        Where w = Where.of(f);
        jdbc.sql("select t.program, count(*) from dashboard_task t where " + OPEN + " and t.due_at >= :month and t.due_at < :now and"
                        + w.sql() + " group by 1")
                .params(w.with("month", monthStart(now, zone), "now", now))
                .query(rs -> {
                    months.computeIfAbsent(rs.getString(1) + " " + current, k -> new long[2])[0] += rs.getLong(2);
                });
        List<Figures.SlaMonth> sla = new ArrayList<>();
        months.forEach((key, m) -> {
            if (m[0] > 0) {
                String[] pm = key.split(" ");
                sla.add(new Figures.SlaMonth(pm[0], YearMonth.parse(pm[1]), m[0], m[1]));
            }
        });
        return sla;
    }

    /**
     * Each task's time in each stage while it was not done or cancelled (its kept stays: the finished stretches'
     * hours, plus the current stretch up to now for a task still open in that stage), over tasks created in the
     * window; then the median and 90th percentile per stage (one sort for both).
     */
    List<Figures.StageTime> timeInStage(DashboardFilter f, OffsetDateTime now) {
        Where w = Where.of(f);
        OffsetDateTime since = now.minusMonths(f.months());
        return jdbc.sql("""
                        select s.stage as stage, count(*) as tasks,
                               percentile_cont(array[0.5, 0.9]) within group (order by s.hours) as percentiles
                        from (select st.stage,
                                     (st.closed_seconds
                                      + coalesce(extract(epoch from cast(:now as timestamptz) - st.open_since), 0)) / 3600.0 as hours
                              from dashboard_stage_stay st""" + (w.params().isEmpty() ? "" : " join dashboard_task t on t.task_id = st.task_id")
                        + " where st.created_at >= :since and" + w.sql() + """
                        ) s group by s.stage
                        order by array_position(""" + STAGES + ", s.stage)")
                .params(w.with("now", now, "since", since))
                .query((rs, n) -> {
                    Double[] p = (Double[]) rs.getArray(3).getArray();
                    return new Figures.StageTime(rs.getString(1), rs.getLong(2), round(p[0]), round(p[1]));
                })
                .list();
    }

    private static final String EXCEPTIONS = """
            from dashboard_task t left join dashboard_reopened_plan p on p.plan_id = t.plan_id
            where %s and (t.due_at < :now or t.status = 'BLOCKED_MISSING_INFO' or p.plan_id is not null) and""".formatted(OPEN);

    long exceptionCount(DashboardFilter f, OffsetDateTime now) {
        Where w = Where.of(f);
        return jdbc.sql("select count(*) " + EXCEPTIONS + w.sql() + reason(f)).params(w.with("now", now)).query(Long.class).single();
    }

    /** Earliest due first (so overdue work leads), tasks without a due date last; streamed to {@code row}, at most {@code limit} (0: all). */
    void exceptions(DashboardFilter f, OffsetDateTime now, int limit, Consumer<Figures.ExceptionRow> row) {
        Where w = Where.of(f);
        String sql = """
                select t.task_id as id, t.plan_id, t.program, t.task_type, t.stage, t.status, t.queue, t.location, t.due_at,
                       t.due_at < :now as overdue, t.status = 'BLOCKED_MISSING_INFO' as blocked, p.plan_id is not null as reopened
                """ + EXCEPTIONS + w.sql() + reason(f)
                + " order by coalesce(t.due_at, 'infinity'::timestamptz), t.priority_rank, t.task_id" + (limit > 0 ? " limit :limit" : "");
        jdbc.sql(sql).params(w.with("now", now, "limit", limit)).query(rs -> {
            List<String> reasons = new java.util.ArrayList<>(3);
            if (rs.getBoolean("overdue")) {
                reasons.add(ExceptionReason.OVERDUE.name());
            }
            if (rs.getBoolean("blocked")) {
                reasons.add(ExceptionReason.BLOCKED_MISSING_INFO.name());
            }
            if (rs.getBoolean("reopened")) {
                reasons.add(ExceptionReason.REOPENED.name());
            }
            Timestamp due = rs.getTimestamp("due_at");
            row.accept(new Figures.ExceptionRow(rs.getObject("id", UUID.class), rs.getObject("plan_id", UUID.class),
                    rs.getString("program"), rs.getString("task_type"), rs.getString("stage"), rs.getString("status"),
                    rs.getString("queue"), rs.getString("location"),
                    due == null ? null : due.toInstant().atOffset(ZoneOffset.UTC), List.copyOf(reasons)));
        });
    }

    private static String reason(DashboardFilter f) {
        if (f.reason() == null) {
            return "";
        }
        return switch (f.reason()) {
            case OVERDUE -> " and t.due_at < :now";
            case BLOCKED_MISSING_INFO -> " and t.status = 'BLOCKED_MISSING_INFO'";
            case REOPENED -> " and p.plan_id is not null";
        };
    }

    private static double round(double hours) {
        return Math.round(hours * 10.0) / 10.0;
    }
}
