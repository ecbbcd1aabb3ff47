package app.baton.dashboard;

import app.baton.calendar.PracticeProperties;
import app.baton.engine.model.Priority;
import app.baton.careplan.PlanReopened;
import app.baton.careplan.TaskChanged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The dashboards' own projection of the tracker's work, kept by listening to its events in the transaction that
 * makes each change (plain {@code @EventListener}, not after commit): a rollup can never disagree with its task,
 * and a change that rolls back takes its rollup change with it.
 *
 * <p>Per task it keeps {@code dashboard_task} (codes and times), appends a {@code dashboard_stage_entry} when the
 * stage or status changes, and moves that task's {@code dashboard_stage_stay} hours. The counters
 * ({@code dashboard_count}, {@code dashboard_sla_month}) are shared by many tasks, so a transaction's changes to them
 * are summed in memory and written once per counter just before it commits, in key order: two transactions that
 * move tasks in opposite directions lock the same counters in the same order and cannot deadlock, and a counter row
 * is locked only for the commit.
 */
@Component
class DashboardProjection {

    private static final Object DELTAS = new Object();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ZoneId zone;

    DashboardProjection(JdbcClient jdbc, Clock clock, PracticeProperties practice) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = practice.timeZone();
    }

    /** A task as the projection last saw it. */
    record Known(String location, String program, String queue, String stage, String status, OffsetDateTime dueAt,
                 OffsetDateTime statusSince, OffsetDateTime enteredAt, int version) {

        boolean open() {
            return isOpen(status);
        }
    }

    static boolean isOpen(String status) {
        return !"DONE".equals(status) && !"CANCELLED".equals(status);
    }

    @EventListener
    void on(PlanReopened event) {
        jdbc.sql("insert into dashboard_reopened_plan (plan_id) values (:id) on conflict do nothing").param("id", event.planId()).update();
    }

    @EventListener
    void on(TaskChanged event) {
        if (event.version() == 0 && firstSight(event)) {
            return;
        }
        Optional<Known> before = jdbc.sql("""
                        select location, program, queue, stage, status, due_at, status_since, entered_at, version
                        from dashboard_task where task_id = :id for update""")
                .param("id", event.taskId())
                .query((rs, n) -> new Known(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getObject(6, OffsetDateTime.class), rs.getObject(7, OffsetDateTime.class), rs.getObject(8, OffsetDateTime.class),
                        rs.getInt(9)))
                .optional();
        if (before.isPresent() && event.version() < before.get().version()) {
            return; // an older state than the one already kept
        }
        OffsetDateTime entered = stretch(event, before.orElse(null));
        jdbc.sql("""
                        insert into dashboard_task (task_id, plan_id, location, program, task_type, queue, stage, status, priority_rank,
                                                    due_at, created_at, status_since, entered_at, version)
                        values (:id, :plan, :location, :program, :type, :queue, :stage, :status, :rank, :due, :created, :since, :entered,
                                :version)
                        on conflict (task_id) do update set plan_id = excluded.plan_id, location = excluded.location,
                            program = excluded.program, task_type = excluded.task_type, queue = excluded.queue, stage = excluded.stage,
                            status = excluded.status, priority_rank = excluded.priority_rank, due_at = excluded.due_at,
                            created_at = excluded.created_at, status_since = excluded.status_since, entered_at = excluded.entered_at,
                            version = excluded.version""")
                .param("id", event.taskId()).param("plan", event.planId()).param("location", event.location())
                .param("program", event.program()).param("type", event.taskType()).param("queue", event.queue())
                .param("stage", event.stage()).param("status", event.status()).param("rank", rank(event.priority()))
                .param("due", event.dueAt()).param("created", event.createdAt()).param("since", event.statusSince())
                .param("entered", entered).param("version", event.version())
                .update();
        Deltas deltas = deltas();
        before.ifPresent(b -> deltas.add(b.location(), b.program(), b.queue(), b.stage(), b.status(), b.dueAt(), b.statusSince(), -1));
        deltas.add(event.location(), event.program(), event.queue(), event.stage(), event.status(), event.dueAt(), event.statusSince(), 1);
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            deltas.flush();
        }
    }

    /**
     * A task just created (version 0), which the projection cannot have seen: its row, its first journal entry and its
     * open stay are written in one statement instead of a read and three writes (an intake creates several tasks at
     * once). Returns false, having written nothing, if the row exists after all (a rebuild got there first); the
     * general path then compares with it.
     */
    private boolean firstSight(TaskChanged event) {
        int inserted = jdbc.sql("""
                        with t as (
                            insert into dashboard_task (task_id, plan_id, location, program, task_type, queue, stage, status,
                                                        priority_rank, due_at, created_at, status_since, entered_at, version)
                            values (:id, :plan, :location, :program, :type, :queue, :stage, :status, :rank, :due, :created, :since,
                                    :since, 0)
                            on conflict (task_id) do nothing
                            returning task_id
                        ), entry as (
                            insert into dashboard_stage_entry (task_id, stage, status, entered_at)
                            select task_id, :stage, :status, :since from t
                        ), stay as (
                            insert into dashboard_stage_stay (task_id, stage, created_at, closed_seconds, open_since)
                            select task_id, :stage, :created, 0, :since from t where cast(:open as boolean)
                            on conflict (task_id, stage) do update set open_since = excluded.open_since
                        )
                        select count(*) from t""")
                .param("id", event.taskId()).param("plan", event.planId()).param("location", event.location())
                .param("program", event.program()).param("type", event.taskType()).param("queue", event.queue())
                .param("stage", event.stage()).param("status", event.status()).param("rank", rank(event.priority()))
                .param("due", event.dueAt()).param("created", event.createdAt()).param("since", event.statusSince())
                .param("open", isOpen(event.status()))
                .query(Integer.class).single();
        if (inserted == 0) {
            return false;
        }
        Deltas deltas = deltas();
        deltas.add(event.location(), event.program(), event.queue(), event.stage(), event.status(), event.dueAt(), event.statusSince(), 1);
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            deltas.flush();
        }
        return true;
    }

    /**
     * Records a new stage or status in the journal and moves the task's time in stage; returns when its current
     * stretch began. A status change is timed by the task's status_since (the application's clock), a change of stage
     * alone by now.
     */
    private OffsetDateTime stretch(TaskChanged event, Known before) {
        boolean statusChanged = before == null || !before.status().equals(event.status());
        if (!statusChanged && before.stage().equals(event.stage())) {
            return before.enteredAt();
        }
        OffsetDateTime entered = statusChanged ? event.statusSince() : OffsetDateTime.now(clock);
        jdbc.sql("insert into dashboard_stage_entry (task_id, stage, status, entered_at) values (:id, :stage, :status, :at)")
                .param("id", event.taskId()).param("stage", event.stage()).param("status", event.status()).param("at", entered).update();
        if (before != null && before.open()) {
            double seconds = Duration.between(before.enteredAt(), entered).toNanos() / 1e9;
            jdbc.sql("""
                            insert into dashboard_stage_stay (task_id, stage, created_at, closed_seconds, open_since)
                            values (:id, :stage, :created, :seconds, null)
                            on conflict (task_id, stage) do update
                            set closed_seconds = dashboard_stage_stay.closed_seconds + excluded.closed_seconds, open_since = null""")
                    .param("id", event.taskId()).param("stage", before.stage()).param("created", event.createdAt()).param("seconds", seconds)
                    .update();
        }
        if (isOpen(event.status())) {
            jdbc.sql("""
                            insert into dashboard_stage_stay (task_id, stage, created_at, closed_seconds, open_since)
                            values (:id, :stage, :created, 0, :at)
                            on conflict (task_id, stage) do update set open_since = excluded.open_since""")
                    .param("id", event.taskId()).param("stage", event.stage()).param("created", event.createdAt()).param("at", entered)
                    .update();
        }
        return entered;
    }

    /** Orders the exception report like the tracker's queues: expedited first. */
    static int rank(String priority) {
        Priority p = Priority.valueOf(priority);
        return switch (p) {
            case EXPEDITED -> 0;
            case URGENT -> 1;
            case ROUTINE -> 2;
        };
    }

    /** This transaction's counter changes, written before it commits (or at once, outside a transaction). */
    private Deltas deltas() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return new Deltas();
        }
        Deltas deltas = (Deltas) TransactionSynchronizationManager.getResource(DELTAS);
        if (deltas == null) {
            Deltas fresh = new Deltas();
            TransactionSynchronizationManager.bindResource(DELTAS, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    fresh.flush();
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(DELTAS);
                }
            });
            deltas = fresh;
        }
        return deltas;
    }

    /** Counter changes summed by key; keys sort, so every transaction locks counters in one order. */
    private final class Deltas {

        private final Map<List<String>, Long> counts = new TreeMap<>(Deltas::compare);
        private final Map<List<String>, long[]> sla = new TreeMap<>(Deltas::compare);

        void add(String location, String program, String queue, String stage, String status, OffsetDateTime due,
                 OffsetDateTime statusSince, int sign) {
            String q = queue == null ? "" : queue;
            counts.merge(List.of(location, program, q, stage, status), (long) sign, Long::sum);
            if (due != null && !"CANCELLED".equals(status)) {
                String month = YearMonth.from(due.atZoneSameInstant(zone)).toString();
                long[] d = sla.computeIfAbsent(List.of(location, program, q, stage, month), k -> new long[3]);
                if ("DONE".equals(status)) {
                    d[0] += sign;
                    d[1] += statusSince.isAfter(due) ? 0 : sign;
                } else {
                    d[2] += sign;
                }
            }
        }

        void flush() {
            counts.forEach((k, n) -> {
                if (n != 0) {
                    jdbc.sql("""
                                    insert into dashboard_count (location, program, queue, stage, status, tasks)
                                    values (:location, :program, :queue, :stage, :status, :n)
                                    on conflict (location, program, queue, stage, status)
                                    do update set tasks = dashboard_count.tasks + excluded.tasks""")
                            .param("location", k.get(0)).param("program", k.get(1)).param("queue", k.get(2))
                            .param("stage", k.get(3)).param("status", k.get(4)).param("n", n).update();
                }
            });
            sla.forEach((k, d) -> {
                if (d[0] != 0 || d[1] != 0 || d[2] != 0) {
                    jdbc.sql("""
                                    insert into dashboard_sla_month (location, program, queue, stage, month, done, met, open)
                                    values (:location, :program, :queue, :stage, :month, :done, :met, :open)
                                    on conflict (location, program, queue, stage, month)
                                    do update set done = dashboard_sla_month.done + excluded.done, met = dashboard_sla_month.met + excluded.met,
                                                  open = dashboard_sla_month.open + excluded.open""")
                            .param("location", k.get(0)).param("program", k.get(1)).param("queue", k.get(2))
                            .param("stage", k.get(3)).param("month", k.get(4)).param("done", d[0]).param("met", d[1]).param("open", d[2])
                            .update();
                }
            });
            counts.clear();
            sla.clear();
        }

        private static int compare(List<String> a, List<String> b) {
            for (int i = 0; i < a.size(); i++) {
                int c = a.get(i).compareTo(b.get(i));
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        }
    }
}
