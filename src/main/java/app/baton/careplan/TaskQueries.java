package app.baton.careplan;

import app.baton.engine.model.Priority;
import app.baton.engine.model.Program;
import app.baton.engine.model.Stage;
import app.baton.engine.model.TaskStatus;
import app.baton.engine.model.TaskType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Read-only questions other modules ask about the care plan's tasks, besides the keyset pages of
 * {@link OpenTaskPages}: a search across queues (the queue module's task search, behind FHIR's Task search), a
 * patient's open tasks with their plan's facts (CDS Hooks' {@code patient-view}) and how many tasks are open (the
 * impact analysis of open work). No access check happens here: each caller limits by the caller's locations and
 * shapes what it shows.
 */
@Repository
public class TaskQueries {

    /**
     * A search of tasks: each criterion null when not given (an empty set of statuses matches nothing); {@code owner}
     * matches the queue a task is routed to or the person it is given to; {@code changedFrom}/{@code changedBefore}
     * bound the time of its last status change; {@code callerLocations} null means every location.
     */
    public record Search(String patient, Set<TaskStatus> statuses, String owner, OffsetDateTime changedFrom,
                         OffsetDateTime changedBefore, Set<String> callerLocations, int count, int offset) {
    }

    /** An open task of a patient's open plan: its codes, counters and times, its plan's program and kept facts. */
    public record PatientTask(UUID id, UUID planId, String location, Program program, TaskType type, TaskStatus status,
                              Stage stage, Priority priority, OffsetDateTime dueAt, int attempts, OffsetDateTime submittedAt,
                              OffsetDateTime createdAt, OffsetDateTime statusSince, CaseFacts facts) {
    }

    private final JdbcClient jdbc;
    private final Tasks tasks;
    private final JsonColumns json;

    TaskQueries(JdbcClient jdbc, Tasks tasks, JsonColumns json) {
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.json = json;
    }

    /** The tasks that match, newest status change first, {@code count + 1} from {@code offset} (so the caller knows whether more follow). */
    public List<TaskRow> search(Search search) {
        StringBuilder sql = new StringBuilder("select " + Tasks.COLUMNS + " from task where true");
        Map<String, Object> params = new HashMap<>();
        if (search.callerLocations() != null) {
            sql.append(" and location in (:callerLocations)");
            params.put("callerLocations", search.callerLocations().isEmpty() ? Set.of("") : search.callerLocations());
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

    /**
     * The open tasks of the patient's open care plans at these locations ({@code locations} null: every location),
     * earliest due first (tasks without a due date last), then priority, at most {@code limit}.
     */
    public List<PatientTask> openOfPatient(String patientId, Set<String> locations, int limit) {
        return jdbc.sql("""
                        select t.id, t.plan_id, t.location, t.task_type, t.status, t.stage, t.priority, t.due_at, t.attempts,
                               t.submitted_at, t.created_at, t.status_since, p.program, p.facts
                        from task t join care_plan p on p.id = t.plan_id
                        where t.patient_id = :patientId and p.status = 'OPEN' and t.status not in ('DONE', 'CANCELLED')
                          and (:everywhere or t.location in (:locations))
                        order by t.due_at nulls last, t.priority_rank, t.id
                        limit :limit
                        """)
                .param("patientId", patientId).param("everywhere", locations == null)
                .param("locations", locations == null || locations.isEmpty() ? Set.of("") : locations).param("limit", limit)
                .query((rs, n) -> new PatientTask(rs.getObject("id", UUID.class), rs.getObject("plan_id", UUID.class),
                        rs.getString("location"), Program.valueOf(rs.getString("program")), TaskType.valueOf(rs.getString("task_type")),
                        TaskStatus.valueOf(rs.getString("status")), Stage.valueOf(rs.getString("stage")),
                        Priority.valueOf(rs.getString("priority")), rs.getObject("due_at", OffsetDateTime.class), rs.getInt("attempts"),
                        rs.getObject("submitted_at", OffsetDateTime.class), rs.getObject("created_at", OffsetDateTime.class),
                        rs.getObject("status_since", OffsetDateTime.class), json.read(rs.getString("facts"), CaseFacts.class)))
                .list();
    }

    /** How many tasks are open (not done, not cancelled) at these locations ({@code locations} null: every location). */
    public long countOpen(Set<String> locations) {
        String where = locations == null ? "" : " and location in (:locations)";
        var sql = jdbc.sql("select count(*) from task where status not in ('DONE', 'CANCELLED')" + where);
        return (locations == null ? sql : sql.param("locations", locations.isEmpty() ? Set.of("") : locations)).query(Long.class).single();
    }
}
