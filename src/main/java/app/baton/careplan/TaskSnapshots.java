package app.baton.careplan;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Every task as it stands, in the shape of {@link TaskChanged}, and the plans that were reopened: what a projection
 * of the tracker's work (the dashboards) reads to build itself again from scratch. Read-only, a page of
 * {@value #PAGE} tasks at a time in id order, codes and times only.
 */
@Component
public class TaskSnapshots {

    static final int PAGE = 5_000;

    private final JdbcClient jdbc;

    TaskSnapshots(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Hands every task to {@code each}, in id order. */
    public void forEach(Consumer<TaskChanged> each) {
        UUID after = new UUID(0, 0);
        while (true) {
            List<TaskChanged> page = jdbc.sql("""
                            select id, plan_id, location, program, task_type, queue, stage, status, priority, due_at, created_at,
                                   status_since, version
                            from task where id > :after order by id limit :limit""")
                    .param("after", after).param("limit", PAGE)
                    .query((rs, n) -> snapshot(rs)).list();
            page.forEach(each);
            if (page.size() < PAGE) {
                return;
            }
            after = page.get(page.size() - 1).taskId();
        }
    }

    /** The care plans that were reopened at least once (and may have been closed again since). */
    public List<UUID> reopenedPlans() {
        return jdbc.sql("select id from care_plan where reopen_reason is not null order by id").query(UUID.class).list();
    }

    private static TaskChanged snapshot(ResultSet rs) throws SQLException {
        return new TaskChanged(rs.getObject("id", UUID.class), rs.getObject("plan_id", UUID.class), rs.getString("location"),
                rs.getString("program"), rs.getString("task_type"), rs.getString("queue"), rs.getString("stage"), rs.getString("status"),
                rs.getString("priority"), rs.getObject("due_at", OffsetDateTime.class), rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("status_since", OffsetDateTime.class), rs.getInt("version"));
    }
}
