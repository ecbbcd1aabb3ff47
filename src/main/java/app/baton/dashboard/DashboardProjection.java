package app.baton.dashboard;

import app.baton.calendar.PracticeProperties;
import app.baton.engine.model.Priority;
import app.baton.careplan.PlanReopened;
import app.baton.careplan.TaskChanged;
import app.baton.system.AtCommit;
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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

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
        Deltas deltas = deltas();
        if (event.version() == 0) {
            deltas.created.add(event);
            if (writeNow(deltas)) {
                deltas.write();
            }
            return;
        }
        // a task created earlier in this transaction must be in dashboard_task before it is compared with
        deltas.writeCreated();
        changed(event, deltas);
    }

    /** A change to a task the projection may have seen: compared with the row it keeps. */
    private void changed(TaskChanged event, Deltas deltas) {
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
        before.ifPresent(b -> deltas.add(b.location(), b.program(), b.queue(), b.stage(), b.status(), b.dueAt(), b.statusSince(), -1));
        deltas.add(event.location(), event.program(), event.queue(), event.stage(), event.status(), event.dueAt(), event.statusSince(), 1);
        if (writeNow(deltas)) {
            deltas.write();
        }
    }

    /**
     * Tasks just created (version 0), which the projection cannot have seen: their rows, first journal entries and open
     * stays are written in one statement for all of them (an intake creates several tasks at once) instead of a read
     * and three writes each. Returns the ids written; a task whose row exists after all (a rebuild got there first) is
     * not, and is compared with that row instead.
     */
    private Set<UUID> firstSight(List<TaskChanged> created) {
        int n = created.size();
        UUID[] ids = new UUID[n];
        UUID[] plans = new UUID[n];
        String[] locations = new String[n];
        String[] programs = new String[n];
        String[] types = new String[n];
        String[] queues = new String[n];
        String[] stages = new String[n];
        String[] statuses = new String[n];
        Integer[] ranks = new Integer[n];
        String[] dues = new String[n];
        String[] createdAt = new String[n];
        String[] since = new String[n];
        Boolean[] open = new Boolean[n];
        for (int i = 0; i < n; i++) {
            TaskChanged e = created.get(i);
            ids[i] = e.taskId();
            plans[i] = e.planId();
            locations[i] = e.location();
            programs[i] = e.program();
            types[i] = e.taskType();
            queues[i] = e.queue();
            stages[i] = e.stage();
            statuses[i] = e.status();
            ranks[i] = rank(e.priority());
            dues[i] = e.dueAt() == null ? null : e.dueAt().toString();
            createdAt[i] = e.createdAt().toString();
            since[i] = e.statusSince().toString();
            open[i] = isOpen(e.status());
        }
        return new HashSet<>(jdbc.sql("""
                        with n as (
                            select * from unnest(cast(:ids as uuid[]), cast(:plans as uuid[]), cast(:locations as text[]),
                                                 cast(:programs as text[]), cast(:types as text[]), cast(:queues as text[]),
                                                 cast(:stages as text[]), cast(:statuses as text[]), cast(:ranks as smallint[]),
                                                 cast(:dues as text[]), cast(:created as text[]), cast(:since as text[]),
                                                 cast(:open as boolean[]))
                                as n(id, plan, location, program, type, queue, stage, status, rank, due, created, since, open)
                        ), t as (
                            insert into dashboard_task (task_id, plan_id, location, program, task_type, queue, stage, status,
                                                        priority_rank, due_at, created_at, status_since, entered_at, version)
                            select id, plan, location, program, type, queue, stage, status, rank, cast(due as timestamptz),
                                   cast(created as timestamptz), cast(since as timestamptz), cast(since as timestamptz), 0
                            from n
                            on conflict (task_id) do nothing
                            returning task_id
                        ), entry as (
                            insert into dashboard_stage_entry (task_id, stage, status, entered_at)
                            select n.id, n.stage, n.status, cast(n.since as timestamptz) from n join t on t.task_id = n.id
                        ), stay as (
                            insert into dashboard_stage_stay (task_id, stage, created_at, closed_seconds, open_since)
                            select n.id, n.stage, cast(n.created as timestamptz), 0, cast(n.since as timestamptz)
                            from n join t on t.task_id = n.id where n.open
                            on conflict (task_id, stage) do update set open_since = excluded.open_since
                        )
                        select task_id from t""")
                .param("ids", ids).param("plans", plans).param("locations", locations).param("programs", programs)
                .param("types", types).param("queues", queues).param("stages", stages).param("statuses", statuses)
                .param("ranks", ranks).param("dues", dues).param("created", createdAt).param("since", since).param("open", open)
                .query(UUID.class).list());
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

    /**
     * This transaction's new tasks and counter changes, written before it commits (or at once, outside a transaction).
     * Kept in the transaction's own synchronizations, so that a transaction suspended for an inner REQUIRES_NEW one
     * keeps its changes apart from the inner one's.
     */
    private Deltas deltas() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return new Deltas();
        }
        return AtCommit.ofThisTransaction(Deltas.class, deltas -> deltas.owner() == this, Deltas::new);
    }

    /** Whether the changes collected in {@code deltas} must be written now: outside a transaction, or after its commit began. */
    private static boolean writeNow(Deltas deltas) {
        return !TransactionSynchronizationManager.isSynchronizationActive() || deltas.committing;
    }

    /** Counter changes summed by key; keys sort, so every transaction locks counters in one order. */
    private final class Deltas implements TransactionSynchronization {

        private final List<TaskChanged> created = new ArrayList<>();
        /** Set when the transaction's commit began: a change after that (another step of the commit) is written at once. */
        private boolean committing;
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

        DashboardProjection owner() {
            return DashboardProjection.this;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            committing = true;
            write();
        }

        /** Writes the tasks created so far in this transaction (one statement), and counts them. */
        void writeCreated() {
            if (created.isEmpty()) {
                return;
            }
            List<TaskChanged> batch = List.copyOf(created);
            created.clear();
            Set<UUID> written = firstSight(batch);
            for (TaskChanged e : batch) {
                if (written.contains(e.taskId())) {
                    add(e.location(), e.program(), e.queue(), e.stage(), e.status(), e.dueAt(), e.statusSince(), 1);
                } else {
                    changed(e, this);
                }
            }
        }

        /** Writes the created tasks, then every counter this transaction moved: one statement per table, in key order. */
        void write() {
            writeCreated();
            writeCounts();
            writeSlaMonths();
        }

        private void writeCounts() {
            List<List<String>> countKeys = new ArrayList<>();
            List<Long> countChanges = new ArrayList<>();
            counts.forEach((k, n) -> {
                if (n != 0) {
                    countKeys.add(k);
                    countChanges.add(n);
                }
            });
            if (!countKeys.isEmpty()) {
                jdbc.sql("""
                                insert into dashboard_count (location, program, queue, stage, status, tasks)
                                select l, p, q, s, st, n
                                from unnest(cast(:locations as text[]), cast(:programs as text[]), cast(:queues as text[]),
                                            cast(:stages as text[]), cast(:statuses as text[]), cast(:changes as bigint[]))
                                     with ordinality as c(l, p, q, s, st, n, o)
                                order by o
                                on conflict (location, program, queue, stage, status)
                                do update set tasks = dashboard_count.tasks + excluded.tasks""")
                        .param("locations", column(countKeys, 0)).param("programs", column(countKeys, 1))
                        .param("queues", column(countKeys, 2)).param("stages", column(countKeys, 3))
                        .param("statuses", column(countKeys, 4)).param("changes", countChanges.toArray(Long[]::new))
                        .update();
            }
            counts.clear();
        }

        private void writeSlaMonths() {
            List<List<String>> slaKeys = new ArrayList<>();
            List<long[]> slaChanges = new ArrayList<>();
            sla.forEach((k, d) -> {
                if (d[0] != 0 || d[1] != 0 || d[2] != 0) {
                    slaKeys.add(k);
                    slaChanges.add(d);
                }
            });
            if (!slaKeys.isEmpty()) {
                jdbc.sql("""
                                insert into dashboard_sla_month (location, program, queue, stage, month, done, met, open)
                                select l, p, q, s, m, d, mt, op
                                from unnest(cast(:locations as text[]), cast(:programs as text[]), cast(:queues as text[]),
                                            cast(:stages as text[]), cast(:months as text[]), cast(:done as bigint[]),
                                            cast(:met as bigint[]), cast(:open as bigint[]))
                                     with ordinality as c(l, p, q, s, m, d, mt, op, o)
                                order by o
                                on conflict (location, program, queue, stage, month)
                                do update set done = dashboard_sla_month.done + excluded.done, met = dashboard_sla_month.met + excluded.met,
                                              open = dashboard_sla_month.open + excluded.open""")
                        .param("locations", column(slaKeys, 0)).param("programs", column(slaKeys, 1))
                        .param("queues", column(slaKeys, 2)).param("stages", column(slaKeys, 3)).param("months", column(slaKeys, 4))
                        .param("done", slaChanges.stream().map(d -> d[0]).toArray(Long[]::new))
                        .param("met", slaChanges.stream().map(d -> d[1]).toArray(Long[]::new))
                        .param("open", slaChanges.stream().map(d -> d[2]).toArray(Long[]::new))
                        .update();
            }
            sla.clear();
        }

        private static String[] column(List<List<String>> keys, int index) {
            return keys.stream().map(k -> k.get(index)).toArray(String[]::new);
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
