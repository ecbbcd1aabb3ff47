package app.baton.dashboard;

import app.baton.calendar.PracticeProperties;
import app.baton.careplan.TaskChanged;
import app.baton.careplan.TaskSnapshots;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the dashboards' projection again from scratch, for operators and at start-up.
 *
 * <ul>
 *   <li>{@link #rollups()}: the rollups ({@code dashboard_count}, {@code dashboard_sla_month},
 *   {@code dashboard_stage_stay}) from the projection's own rows ({@code dashboard_task} and the journal
 *   {@code dashboard_stage_entry}). At start-up this runs by itself when the rollups were never built (just after
 *   the upgrade that created them) or were built in another time zone than the practice's (SLA months depend on it).</li>
 *   <li>{@link #everything()}: first takes every task and reopened plan again from the tracker
 *   ({@link TaskSnapshots}), appending a journal entry for each task whose stage or status the projection had
 *   wrong or missed, then the rollups. Run it with {@code --baton.dashboard.rebuild=true} (docs/operations.md).</li>
 * </ul>
 * Either runs in one transaction that first locks the projection's tables against writes: task changes made
 * meanwhile wait for it and are then applied on top, so nothing is counted twice or lost.
 */
@Service
class DashboardRebuild implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DashboardRebuild.class);
    private static final int BATCH = 2_000;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate tx;
    private final TaskSnapshots snapshots;
    private final ZoneId zone;
    private final boolean onStart;

    DashboardRebuild(JdbcClient jdbc, JdbcTemplate template, TransactionTemplate tx, TaskSnapshots snapshots, PracticeProperties practice,
                     @Value("${baton.dashboard.rebuild:false}") boolean onStart) {
        this.jdbc = jdbc;
        this.template = template;
        this.tx = tx;
        this.snapshots = snapshots;
        this.zone = practice.timeZone();
        this.onStart = onStart;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (onStart) {
            everything();
            return;
        }
        String builtIn = jdbc.sql("select zone from dashboard_projection where id = 1").query(String.class).optional().orElse(null);
        if (!zone.getId().equals(builtIn)) {
            log.info("dashboard rollups built in time zone {}, practice in {}: building them again", builtIn, zone.getId());
            rollups();
        }
    }

    /** What a rebuild did: tasks taken from the tracker (0 for rollups only) and journal entries added. */
    record Rebuilt(long tasks, long entries, long millis) {
    }

    /** The rollups from the projection's own rows. */
    Rebuilt rollups() {
        long started = System.nanoTime();
        tx.executeWithoutResult(s -> {
            lock();
            buildRollups();
        });
        Rebuilt done = new Rebuilt(0, 0, (System.nanoTime() - started) / 1_000_000);
        log.info("dashboard rollups built in {} ms", done.millis());
        return done;
    }

    /** Every task again from the tracker, then the rollups. */
    Rebuilt everything() {
        long started = System.nanoTime();
        long[] counts = new long[2];
        tx.executeWithoutResult(s -> {
            lock();
            jdbc.sql("""
                    create temporary table dashboard_snapshot (
                        task_id uuid primary key, plan_id uuid, location text, program text, task_type text, queue text, stage text,
                        status text, priority_rank smallint, due_at timestamptz, created_at timestamptz, status_since timestamptz,
                        version integer) on commit drop""").update();
            List<TaskChanged> batch = new ArrayList<>(BATCH);
            snapshots.forEach(t -> {
                batch.add(t);
                if (batch.size() == BATCH) {
                    insert(batch);
                    counts[0] += batch.size();
                    batch.clear();
                }
            });
            insert(batch);
            counts[0] += batch.size();
            counts[1] = syncTasks();
            jdbc.sql("delete from dashboard_reopened_plan").update();
            for (var plan : snapshots.reopenedPlans()) {
                jdbc.sql("insert into dashboard_reopened_plan (plan_id) values (:id)").param("id", plan).update();
            }
            buildRollups();
        });
        Rebuilt done = new Rebuilt(counts[0], counts[1], (System.nanoTime() - started) / 1_000_000);
        log.info("dashboard projection rebuilt from {} tasks ({} journal entries added) in {} ms", done.tasks(), done.entries(),
                done.millis());
        return done;
    }

    private void lock() {
        jdbc.sql("""
                lock table dashboard_task, dashboard_stage_entry, dashboard_stage_stay, dashboard_count, dashboard_sla_month,
                           dashboard_reopened_plan, dashboard_projection in share row exclusive mode""").update();
    }

    private void insert(List<TaskChanged> batch) {
        template.batchUpdate("""
                insert into dashboard_snapshot (task_id, plan_id, location, program, task_type, queue, stage, status, priority_rank, due_at,
                                                created_at, status_since, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", batch, batch.size(), (ps, t) -> {
            ps.setObject(1, t.taskId());
            ps.setObject(2, t.planId());
            ps.setString(3, t.location());
            ps.setString(4, t.program());
            ps.setString(5, t.taskType());
            ps.setString(6, t.queue());
            ps.setString(7, t.stage());
            ps.setString(8, t.status());
            ps.setInt(9, DashboardProjection.rank(t.priority()));
            if (t.dueAt() == null) {
                ps.setNull(10, Types.TIMESTAMP_WITH_TIMEZONE);
            } else {
                ps.setTimestamp(10, Timestamp.from(t.dueAt().toInstant()));
            }
            ps.setTimestamp(11, Timestamp.from(t.createdAt().toInstant()));
            ps.setTimestamp(12, Timestamp.from(t.statusSince().toInstant()));
            ps.setInt(13, t.version());
        });
    }

    /**
     * Journal entries for what the journal missed (a task it never saw: its creation, as the first upgrade did, and
     * its current status; a task whose newest entry is not its stage and status now: the current one), then the task rows themselves,
     * each with its newest journal entry as the start of its current stretch. Returns the entries added.
     */
    private long syncTasks() {
        jdbc.sql("analyze dashboard_snapshot").update();
        jdbc.sql("""
                create temporary table dashboard_newest on commit drop as
                select distinct on (task_id) task_id, stage, status from dashboard_stage_entry order by task_id, id desc""").update();
        jdbc.sql("create unique index on dashboard_newest (task_id)").update();
        jdbc.sql("analyze dashboard_newest").update();
        long added = jdbc.sql("""
                insert into dashboard_stage_entry (task_id, stage, status, entered_at)
                select s.task_id, s.stage, 'UNRECORDED', s.created_at from dashboard_snapshot s
                where s.status_since > s.created_at and not exists (select 1 from dashboard_newest n where n.task_id = s.task_id)
                order by s.task_id""").update();
        added += jdbc.sql("""
                insert into dashboard_stage_entry (task_id, stage, status, entered_at)
                select s.task_id, s.stage, s.status, case when n.status = s.status then now() else s.status_since end
                from dashboard_snapshot s left join dashboard_newest n on n.task_id = s.task_id
                where n.task_id is null or n.status <> s.status or n.stage <> s.stage
                order by s.task_id""").update();
        jdbc.sql("delete from dashboard_task d where not exists (select 1 from dashboard_snapshot s where s.task_id = d.task_id)").update();
        // each task's newest entry in one pass over the journal (a per-task "order by id desc limit 1" can be planned as a
        // backward walk of the whole journal for every task)
        jdbc.sql("""
                insert into dashboard_task (task_id, plan_id, location, program, task_type, queue, stage, status, priority_rank, due_at,
                                            created_at, status_since, entered_at, version)
                select s.task_id, s.plan_id, s.location, s.program, s.task_type, s.queue, s.stage, s.status, s.priority_rank, s.due_at,
                       s.created_at, s.status_since, coalesce(l.entered_at, s.status_since), s.version
                from dashboard_snapshot s
                left join (select distinct on (task_id) task_id, entered_at from dashboard_stage_entry order by task_id, id desc) l
                       on l.task_id = s.task_id
                on conflict (task_id) do update set plan_id = excluded.plan_id, location = excluded.location, program = excluded.program,
                    task_type = excluded.task_type, queue = excluded.queue, stage = excluded.stage, status = excluded.status,
                    priority_rank = excluded.priority_rank, due_at = excluded.due_at, created_at = excluded.created_at,
                    status_since = excluded.status_since, entered_at = excluded.entered_at, version = excluded.version""").update();
        return added;
    }

    /**
     * The three rollups from dashboard_task and the journal, as the listener would have kept them: a task's stretch lasts
     * from one journal entry to the next in the order they were written (the order the listener heard the changes in).
     */
    private void buildRollups() {
        jdbc.sql("delete from dashboard_count").update();
        jdbc.sql("""
                insert into dashboard_count (location, program, queue, stage, status, tasks)
                select location, program, coalesce(queue, ''), stage, status, count(*) from dashboard_task group by 1, 2, 3, 4, 5""").update();
        jdbc.sql("delete from dashboard_sla_month").update();
        jdbc.sql("""
                insert into dashboard_sla_month (location, program, queue, stage, month, done, met, open)
                select location, program, coalesce(queue, ''), stage, to_char(due_at at time zone :zone, 'YYYY-MM'),
                       count(*) filter (where status = 'DONE'), count(*) filter (where status = 'DONE' and status_since <= due_at),
                       count(*) filter (where status <> 'DONE')
                from dashboard_task where status <> 'CANCELLED' and due_at is not null group by 1, 2, 3, 4, 5""")
                .param("zone", zone.getId()).update();
        jdbc.sql("delete from dashboard_stage_stay").update();
        jdbc.sql("""
                insert into dashboard_stage_stay (task_id, stage, created_at, closed_seconds, open_since)
                select s.task_id, s.stage, t.created_at, s.closed_seconds, s.open_since
                from (select task_id, stage, coalesce(extract(epoch from sum(left_at - entered_at)), 0) as closed_seconds,
                             max(entered_at) filter (where left_at is null) as open_since
                      from (select e.task_id, e.stage, e.status, e.entered_at,
                                   lead(e.entered_at) over (partition by e.task_id order by e.id) as left_at
                            from dashboard_stage_entry e) stretches
                      where status not in ('DONE', 'CANCELLED')
                      group by task_id, stage) s
                join dashboard_task t on t.task_id = s.task_id""").update();
        jdbc.sql("update dashboard_projection set zone = :zone, built_at = now() where id = 1").param("zone", zone.getId()).update();
    }
}
