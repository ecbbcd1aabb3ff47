package app.baton.careplan;

import app.baton.engine.model.Program;
import app.baton.engine.model.Stage;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Keyset pages of open tasks, read-only, for the modules that list or sweep the care plan's work: the work lists of
 * the queue module and the escalation sweep's candidates. Each page starts after the previous page's last key, so
 * page 200 costs what page 1 costs. Work lists come in working order (due date, tasks without one last, then
 * priority, then id), served by the partial indexes of V47/V48; the sweep reads in id order.
 */
@Repository
public class OpenTaskPages {

    private static final String SORT = "coalesce(due_at, 'infinity'::timestamptz), priority_rank, id";

    /**
     * What a work-list page asks for: the filters (each null when not given), the caller's locations (null: every
     * location), the page size, the key of the previous page's last task (null: the first page) and the time that
     * decides "overdue".
     */
    public record Filter(Stage stage, Program program, String location, Boolean overdue, Set<String> callerLocations,
                         int limit, Key after, OffsetDateTime now) {
    }

    /** A task's place in working order: its due date (null: none, sorts last), priority rank and id. */
    public record Key(OffsetDateTime due, int rank, UUID id) {

        public static Key of(TaskRow task) {
            return new Key(task.dueAt(), TaskRow.rank(task.priority()), task.id());
        }
    }

    /** An open task with the kept facts of its plan (or of the intake it holds): what the rules are asked about it. */
    public record Decidable(TaskRow task, CaseFacts facts) {
    }

    private final JdbcClient jdbc;
    private final Tasks tasks;
    private final JsonColumns json;

    OpenTaskPages(JdbcClient jdbc, Tasks tasks, JsonColumns json) {
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.json = json;
    }

    /** A queue's open tasks in working order: up to {@code f.limit() + 1}, so the caller knows whether a next page exists. */
    public List<TaskRow> inQueue(String queue, Filter f) {
        return page("queue = :owner", Map.of("owner", queue), f);
    }

    /** The open tasks of these roles, in the queues the caller may list, in working order (up to {@code f.limit() + 1}). */
    public List<TaskRow> ofRoles(Set<String> roles, Set<String> queues, Filter f) {
        return page("role in (:roles) and queue in (:queues)", Map.of("roles", roles, "queues", orNone(queues)), f);
    }

    /** The open tasks given to this person, in the queues the caller may list, in working order (up to {@code f.limit() + 1}). */
    public List<TaskRow> givenTo(String user, Set<String> queues, Filter f) {
        return page("owner_user = :owner and queue in (:queues)", Map.of("owner", user, "queues", orNone(queues)), f);
    }

    /**
     * The escalation sweep's candidates: open tasks that can be worked, due by {@code horizon}, in id order after
     * {@code after} (a keyset page of at most {@code limit}), each with its facts. A NEW task waits for its
     * prerequisite: nobody can work it yet, so it is not a candidate. The facts of a task that holds an intake come
     * from the intake module's {@code intake_facts} view.
     */
    public List<Decidable> workableDueBy(OffsetDateTime horizon, UUID after, int limit) {
        RowMapper<TaskRow> task = tasks.mapper();
        return jdbc.sql("with page as (select " + Tasks.COLUMNS + """
                         from task where status not in ('DONE', 'CANCELLED', 'NEW') and due_at is not null and due_at <= :horizon and id > :after
                         order by id limit :limit)
                select page.*, coalesce(p.facts, i.facts)::text as case_facts
                from page left join care_plan p on p.id = page.plan_id left join intake_facts i on i.id = page.intake_id
                order by page.id
                """)
                .param("horizon", horizon).param("after", after).param("limit", limit)
                .query((rs, row) -> new Decidable(task.mapRow(rs, row), json.read(rs.getString("case_facts"), CaseFacts.class)))
                .list();
    }

    private static Set<String> orNone(Set<String> values) {
        return values.isEmpty() ? Set.of("") : values;
    }

    /** Fetches one more than the page size, so that the caller knows whether a next page exists. */
    private List<TaskRow> page(String owner, Map<String, Object> ownerParams, Filter f) {
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
            params.put("now", f.now());
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
