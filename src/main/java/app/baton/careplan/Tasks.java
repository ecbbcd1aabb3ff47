package app.baton.careplan;

import app.baton.decision.DecisionResponse;
import app.baton.engine.model.Priority;
import app.baton.engine.model.Program;
import app.baton.engine.model.TaskStatus;
import app.baton.engine.model.TaskType;
import com.fasterxml.jackson.core.type.TypeReference;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Tasks in PostgreSQL. */
@Repository
public class Tasks {

    public static final String COLUMNS = """
            id, plan_id, intake_id, prerequisite_id, purpose, patient_id, location, program, task_type, status, priority,
            queue, role, routing_rule, owner_user, due_at, sla_basis, due_rule, due_rule_set_version, next_action::text as next_action,
            missing_info::text as missing_info, trace::text as trace, rule_set_version, attempts, submitted_at, created_at,
            status_since, version, decision_id, due_decision_id""";

    private final JdbcClient jdbc;
    private final JsonColumns json;
    private final PracticeZone zone;

    Tasks(JdbcClient jdbc, JsonColumns json, PracticeZone zone) {
        this.jdbc = jdbc;
        this.json = json;
        this.zone = zone;
    }

    /** Inserts a new task at {@code position} in its plan (template row order). */
    void insert(TaskRow t, int position) {
        jdbc.sql("""
                insert into task (id, plan_id, intake_id, prerequisite_id, purpose, position, patient_id, location, program, task_type, status,
                                  stage, priority, priority_rank, queue, role, routing_rule, owner_user, due_at, sla_basis, due_rule,
                                  due_rule_set_version, next_action, missing_info, trace, rule_set_version, attempts, submitted_at,
                                  created_at, status_since, version, decision_id, due_decision_id)
                values (:id, :planId, :intakeId, :prerequisiteId, :purpose, :position, :patientId, :location, :program, :type, :status,
                        :stage, :priority, :rank, :queue, :role, :routingRule, :owner, :dueAt, :slaBasis, :dueRule, :dueVersion,
                        cast(:nextAction as jsonb), cast(:missing as jsonb), cast(:trace as jsonb), :ruleSetVersion, :attempts,
                        :submittedAt, :createdAt, :statusSince, 0, :decisionId, :dueDecisionId)
                """)
                .param("id", t.id()).param("planId", t.planId()).param("intakeId", t.intakeId())
                .param("prerequisiteId", t.prerequisiteId()).param("purpose", t.purpose().name()).param("position", position)
                .param("patientId", t.patientId()).param("location", t.location()).param("program", t.program().name())
                .param("type", t.type().name()).param("createdAt", t.createdAt())
                .params(mutable(t))
                .update();
    }

    /** Stores the task's new state if nobody changed it since {@code t.version()}; returns whether it did. */
    boolean update(TaskRow t) {
        return jdbc.sql("""
                update task set status = :status, stage = :stage, priority = :priority, priority_rank = :rank, queue = :queue,
                                role = :role, routing_rule = :routingRule, owner_user = :owner, due_at = :dueAt, sla_basis = :slaBasis, due_rule = :dueRule,
                                due_rule_set_version = :dueVersion, next_action = cast(:nextAction as jsonb),
                                missing_info = cast(:missing as jsonb), trace = cast(:trace as jsonb),
                                rule_set_version = :ruleSetVersion, attempts = :attempts, submitted_at = :submittedAt,
                                status_since = :statusSince, decision_id = :decisionId, due_decision_id = :dueDecisionId,
                                version = version + 1
                where id = :id and version = :version
                """)
                .param("id", t.id()).param("version", t.version())
                .params(mutable(t))
                .update() == 1;
    }

    public Optional<TaskRow> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from task where id = :id").param("id", id).query(mapper()).optional();
    }

    public List<TaskRow> ofPlan(UUID planId) {
        return jdbc.sql("select " + COLUMNS + " from task where plan_id = :plan order by position, id")
                .param("plan", planId).query(mapper()).list();
    }

    public List<TaskRow> holdingIntake(UUID intakeId) {
        return jdbc.sql("select " + COLUMNS + " from task where intake_id = :intake and purpose = 'MISSING_INFO' order by created_at")
                .param("intake", intakeId).query(mapper()).list();
    }

    /** Open tasks after {@code after} in id order, a page at a time (re-evaluation). */
    public List<TaskRow> openAfter(UUID after, int limit) {
        return openAfter(after, limit, null);
    }

    /** Open tasks after {@code after} in id order, at these locations only ({@code locations} null: every location). */
    public List<TaskRow> openAfter(UUID after, int limit, Set<String> locations) {
        String where = locations == null ? "" : " and location in (:locations)";
        var sql = jdbc.sql("select " + COLUMNS + " from task where status not in ('DONE', 'CANCELLED') and id > :after" + where
                        + " order by id limit :limit")
                .param("after", after).param("limit", limit);
        return (locations == null ? sql : sql.param("locations", locations.isEmpty() ? Set.of("") : locations)).query(mapper()).list();
    }

    private java.util.Map<String, Object> mutable(TaskRow t) {
        java.util.Map<String, Object> p = new java.util.HashMap<>();
        p.put("status", t.status().name());
        p.put("stage", t.stage().name());
        p.put("priority", t.priority().name());
        p.put("rank", TaskRow.rank(t.priority()));
        p.put("queue", t.queue());
        p.put("role", t.role());
        p.put("routingRule", t.routingRule());
        p.put("owner", t.ownerUser());
        p.put("dueAt", t.dueAt());
        p.put("slaBasis", t.slaBasis());
        p.put("dueRule", t.dueRule());
        p.put("dueVersion", t.dueRuleSetVersion());
        p.put("nextAction", json.write(t.nextAction()));
        p.put("missing", json.write(t.missingInfo()));
        p.put("trace", json.write(t.trace()));
        p.put("ruleSetVersion", t.ruleSetVersion());
        p.put("attempts", t.attempts());
        p.put("submittedAt", t.submittedAt());
        p.put("statusSince", t.statusSince());
        p.put("decisionId", t.decisionId());
        p.put("dueDecisionId", t.dueDecisionId());
        return p;
    }

    public RowMapper<TaskRow> mapper() {
        return (rs, row) -> new TaskRow(rs.getObject("id", UUID.class), rs.getObject("plan_id", UUID.class),
                rs.getObject("intake_id", UUID.class), rs.getObject("prerequisite_id", UUID.class),
                TaskRow.Purpose.valueOf(rs.getString("purpose")), rs.getString("patient_id"), rs.getString("location"),
                Program.valueOf(rs.getString("program")), TaskType.valueOf(rs.getString("task_type")),
                TaskStatus.valueOf(rs.getString("status")), Priority.valueOf(rs.getString("priority")), rs.getString("queue"),
                rs.getString("role"), rs.getString("routing_rule"), rs.getString("owner_user"), zone.time(rs, "due_at"),
                rs.getString("sla_basis"), rs.getString("due_rule"), (Integer) rs.getObject("due_rule_set_version"),
                json.read(rs.getString("next_action"), new TypeReference<DecisionResponse.NextBestAction>() { }),
                json.read(rs.getString("missing_info"), new TypeReference<List<DecisionResponse.MissingInfo>>() { }),
                json.read(rs.getString("trace"), new TypeReference<List<DecisionResponse.TraceEntry>>() { }),
                rs.getInt("rule_set_version"), rs.getInt("attempts"), zone.time(rs, "submitted_at"),
                zone.time(rs, "created_at"), zone.time(rs, "status_since"),
                rs.getInt("version"), rs.getObject("decision_id", UUID.class), rs.getObject("due_decision_id", UUID.class));
    }
}
