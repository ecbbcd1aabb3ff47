package app.baton.dashboard;

import app.baton.engine.model.Stage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * One PostgreSQL aggregate per figure over the tracker's {@code task} table (and {@code care_plan},
 * {@code task_stage_history}), read-only. Every query takes the same filter, so the numbers of one
 * page always agree with each other and with the exception report behind them.
 */
@Repository
class DashboardQueries {

    private static final String OPEN = "t.status not in ('DONE', 'CANCELLED')";
    /** The stages in the order work moves through them (enum constants, so safe to write into the SQL). */
    private static final String STAGES = Arrays.stream(Stage.values()).map(s -> "'" + s.name() + "'")
            .collect(Collectors.joining(", ", "array[", "]"));
    private static final String STAGE_ORDER = "array_position(" + STAGES + ", t.stage)";

    private final JdbcClient jdbc;

    DashboardQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Where-clause and parameters of a filter, on the task alias {@code t}. */
    private record Where(String sql, Map<String, Object> params) {

        static Where of(DashboardFilter f) {
            StringBuilder sql = new StringBuilder(" true");
            Map<String, Object> params = new HashMap<>();
            if (f.callerLocations() != null) {
                sql.append(" and t.location in (:callerLocations)");
                params.put("callerLocations", f.callerLocations().isEmpty() ? Set.of("") : f.callerLocations());
            }
            if (f.program() != null) {
                sql.append(" and t.program = :program");
                params.put("program", f.program().name());
            }
            if (f.queue() != null) {
                sql.append(" and t.queue = :queue");
                params.put("queue", f.queue().name());
            }
            if (f.stage() != null) {
                sql.append(" and t.stage = :stage");
                params.put("stage", f.stage().name());
            }
            if (f.location() != null) {
                sql.append(" and t.location = :location");
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

    List<Figures.StageStatusCount> byStageAndStatus(DashboardFilter f) {
        Where w = Where.of(f);
        return jdbc.sql("select t.stage, t.status, count(*) as tasks from task t where" + w.sql()
                        + " group by t.stage, t.status order by " + STAGE_ORDER + ", t.status")
                .params(w.params())
                .query((rs, n) -> new Figures.StageStatusCount(rs.getString(1), rs.getString(2), rs.getLong(3))).list();
    }

    List<Figures.QueueOverdue> overdueByQueue(DashboardFilter f, OffsetDateTime now) {
        Where w = Where.of(f);
        return jdbc.sql("select coalesce(t.queue, '(none)'), count(*), count(*) filter (where t.due_at < :now) from task t where "
                        + OPEN + " and" + w.sql() + " group by t.queue order by 3 desc, 1")
                .params(w.with("now", now))
                .query((rs, n) -> new Figures.QueueOverdue(rs.getString(1), rs.getLong(2), rs.getLong(3))).list();
    }

    /**
     * Tasks by the month of their due date, in the practice's zone, from the first day of the month
     * {@code months - 1} before this one: due by now (or already done), cancelled ones left out.
     */
    List<Figures.SlaMonth> slaAttainment(DashboardFilter f, OffsetDateTime now, ZoneId zone) {
        Where w = Where.of(f);
        OffsetDateTime since = YearMonth.from(now.atZoneSameInstant(zone)).minusMonths(f.months() - 1L)
                .atDay(1).atStartOfDay(zone).toOffsetDateTime();
        return jdbc.sql("""
                        select t.program, to_char(date_trunc('month', t.due_at at time zone :zone), 'YYYY-MM') as month,
                               count(*) as due,
                               count(*) filter (where t.status = 'DONE' and t.status_since <= t.due_at) as met
                        from task t
                        where t.due_at >= :since and (t.due_at < :now or t.status = 'DONE') and t.status <> 'CANCELLED' and"""
                        + w.sql() + " group by 1, 2 order by 1, 2")
                .params(w.with("zone", zone.getId(), "since", since, "now", now))
                .query((rs, n) -> new Figures.SlaMonth(rs.getString(1), YearMonth.parse(rs.getString(2)), rs.getLong(3), rs.getLong(4)))
                .list();
    }

    /**
     * Each task's time in each stage, from its history: the stretches between one entry and the next
     * (or now, for a task still open), summed per task and stage, not counting time after it was done
     * or cancelled; then the median and 90th percentile per stage, over tasks created in the window.
     */
    List<Figures.StageTime> timeInStage(DashboardFilter f, OffsetDateTime now) {
        Where w = Where.of(f);
        OffsetDateTime since = now.minusMonths(f.months());
        return jdbc.sql("""
                        with stretches as (
                            select h.task_id, h.stage, h.status,
                                   coalesce(lead(h.entered_at) over (partition by h.task_id order by h.entered_at, h.id), :now)
                                       - h.entered_at as spent
                            from task_stage_history h join task t on t.id = h.task_id
                            where t.created_at >= :since and""" + w.sql() + """
                        ), stays as (
                            select task_id, stage, extract(epoch from sum(spent)) / 3600.0 as hours
                            from stretches where status not in ('DONE', 'CANCELLED')
                            group by task_id, stage
                        )
                        select s.stage as stage, count(*) as tasks,
                               percentile_cont(0.5) within group (order by s.hours) as median,
                               percentile_cont(0.9) within group (order by s.hours) as p90
                        from stays s group by s.stage
                        order by array_position(""" + STAGES + ", s.stage)")
                .params(w.with("now", now, "since", since))
                .query((rs, n) -> new Figures.StageTime(rs.getString(1), rs.getLong(2), round(rs.getDouble(3)), round(rs.getDouble(4))))
                .list();
    }

    private static final String EXCEPTIONS = """
            from task t left join care_plan p on p.id = t.plan_id
            where %s and (t.due_at < :now or t.status = 'BLOCKED_MISSING_INFO' or p.reopen_reason is not null) and""".formatted(OPEN);

    long exceptionCount(DashboardFilter f, OffsetDateTime now) {
        Where w = Where.of(f);
        return jdbc.sql("select count(*) " + EXCEPTIONS + w.sql() + reason(f)).params(w.with("now", now)).query(Long.class).single();
    }

    /** Earliest due first (so overdue work leads), tasks without a due date last; streamed to {@code row}, at most {@code limit} (0: all). */
    void exceptions(DashboardFilter f, OffsetDateTime now, int limit, Consumer<Figures.ExceptionRow> row) {
        Where w = Where.of(f);
        String sql = """
                select t.id, t.plan_id, t.program, t.task_type, t.stage, t.status, t.queue, t.location, t.due_at,
                       t.due_at < :now as overdue, t.status = 'BLOCKED_MISSING_INFO' as blocked, p.reopen_reason is not null as reopened
                """ + EXCEPTIONS + w.sql() + reason(f)
                + " order by coalesce(t.due_at, 'infinity'::timestamptz), t.priority_rank, t.id" + (limit > 0 ? " limit :limit" : "");
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
            case REOPENED -> " and p.reopen_reason is not null";
        };
    }

    private static double round(double hours) {
        return Math.round(hours * 10.0) / 10.0;
    }
}
