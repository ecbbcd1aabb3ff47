package app.baton.queue;

import app.baton.careplan.TaskRow;
import app.baton.careplan.Tasks;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pages of open tasks in working order (due date, tasks without one last, then priority, then id),
 * by keyset: each page starts after the previous page's last sort key, so page 200 costs what page
 * 1 costs. The partial indexes of V47/V48 serve the order.
 */
@Repository
class QueueQueries {

    private static final String SORT = "coalesce(due_at, 'infinity'::timestamptz), priority_rank, id";

    private final JdbcClient jdbc;
    private final Tasks tasks;

    QueueQueries(JdbcClient jdbc, Tasks tasks) {
        this.jdbc = jdbc;
        this.tasks = tasks;
    }

    List<TaskRow> queue(String queue, QueueFilter filter, OffsetDateTime now) {
        return page("queue = :owner", Map.of("owner", queue), filter, now);
    }

    /** The tasks of these roles, in the queues the caller may list. */
    List<TaskRow> roles(Set<String> roles, Set<String> queues, QueueFilter filter, OffsetDateTime now) {
        return page("role in (:roles) and queue in (:queues)", Map.of("roles", roles, "queues", orNone(queues)), filter, now);
    }

    /** The tasks given to this person, in the queues the caller may list. */
    List<TaskRow> owner(String user, Set<String> queues, QueueFilter filter, OffsetDateTime now) {
        return page("owner_user = :owner and queue in (:queues)", Map.of("owner", user, "queues", orNone(queues)), filter, now);
    }

    private static Set<String> orNone(Set<String> values) {
        return values.isEmpty() ? Set.of("") : values;
    }

    /** Fetches one more than the page size, so that the caller knows whether a next page exists. */
    private List<TaskRow> page(String owner, Map<String, Object> ownerParams, QueueFilter f, OffsetDateTime now) {
        StringBuilder sql = new StringBuilder("select " + Tasks.COLUMNS + " from task where status not in ('DONE', 'CANCELLED') and ")
                .append(owner);
        Map<String, Object> params = new HashMap<>(ownerParams);
        if (f.callerLocations() != null) {
            sql.append(" and location in (:callerLocations)");
            params.put("callerLocations", f.callerLocations().isEmpty() ? Set.of("") : f.callerLocations());
        }
        if (f.stage() != null) {
            sql.append(" and stage = :stage");
            params.put("stage", f.stage().name());
        }
        if (f.program() != null) {
            sql.append(" and program = :program");
            params.put("program", f.program().name());
        }
        if (f.location() != null) {
            sql.append(" and location = :location");
            params.put("location", f.location());
        }
        if (f.overdue() != null) {
            sql.append(f.overdue() ? " and due_at < :now" : " and (due_at is null or due_at >= :now)");
            params.put("now", now);
        }
        if (f.after() != null) {
            if (f.after().due() == null) {
                sql.append(" and due_at is null and (priority_rank, id) > (:afterRank, :afterId)");
            } else {
                sql.append(" and (" + SORT + ") > (cast(:afterDue as timestamptz), :afterRank, :afterId)");
                params.put("afterDue", f.after().due());
            }
            params.put("afterRank", f.after().rank());
            params.put("afterId", f.after().id());
        }
        sql.append(" order by ").append(SORT).append(" limit :limit");
        params.put("limit", f.limit() + 1);
        return jdbc.sql(sql.toString()).params(params).query(tasks.mapper()).list();
    }
}
