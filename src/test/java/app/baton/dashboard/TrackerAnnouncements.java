package app.baton.dashboard;

import app.baton.careplan.TaskChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * For tests that write task rows straight to the tracker's table: what the tracker publishes when it stores a task
 * ({@link TaskChanged}, the row's codes and times as they now are), so that the dashboards' projection hears of it as
 * it would of the tracker's own change. Call it in the transaction that wrote the row.
 */
public final class TrackerAnnouncements {

    private TrackerAnnouncements() {
    }

    public static void taskChanged(JdbcClient jdbc, ApplicationEventPublisher events, UUID task) {
        events.publishEvent(jdbc.sql("""
                        select id, plan_id, location, program, task_type, queue, stage, status, priority, due_at, created_at, status_since,
                               version
                        from task where id = :id""").param("id", task)
                .query((rs, n) -> new TaskChanged(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getObject(10, OffsetDateTime.class), rs.getObject(11, OffsetDateTime.class),
                        rs.getObject(12, OffsetDateTime.class), rs.getInt(13)))
                .single());
    }
}
