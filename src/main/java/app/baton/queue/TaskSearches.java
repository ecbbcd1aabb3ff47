package app.baton.queue;

import app.baton.careplan.TaskRow;
import app.baton.careplan.Tasks;

import app.baton.engine.model.TaskStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Tasks by patient, status, owner and time of last status change, at the caller's locations (one more than a page). */
@Repository
class TaskSearches {

    private final JdbcClient jdbc;
    private final Tasks tasks;

    TaskSearches(JdbcClient jdbc, Tasks tasks) {
        this.jdbc = jdbc;
        this.tasks = tasks;
    }

    List<TaskRow> search(TaskSearch search, Set<String> callerLocations) {
        StringBuilder sql = new StringBuilder("select " + Tasks.COLUMNS + " from task where true");
        Map<String, Object> params = new HashMap<>();
        if (callerLocations != null) {
            sql.append(" and location in (:callerLocations)");
            params.put("callerLocations", callerLocations.isEmpty() ? Set.of("") : callerLocations);
        }
        if (search.patient() != null) {
            sql.append(" and patient_id = :patient");
            params.put("patient", search.patient());
        }
        if (search.statuses() != null && search.statuses().isEmpty()) {
            sql.append(" and false");
        } else if (search.statuses() != null) {
            sql.append(" and status in (:statuses)");
            params.put("statuses", search.statuses().stream().map(TaskStatus::name).toList());
        }
        if (search.owner() != null) {
            sql.append(" and (queue = :owner or owner_user = :owner)");
            params.put("owner", search.owner());
        }
        if (search.changedFrom() != null) {
            sql.append(" and status_since >= :from");
            params.put("from", search.changedFrom());
        }
        if (search.changedBefore() != null) {
            sql.append(" and status_since < :before");
            params.put("before", search.changedBefore());
        }
        sql.append(" order by status_since desc, id limit :limit offset :offset");
        params.put("limit", search.count() + 1);
        params.put("offset", search.offset());
        return jdbc.sql(sql.toString()).params(params).query(tasks.mapper()).list();
    }
}
