package app.baton.escalation;

import app.baton.careplan.CaseFacts;
import app.baton.careplan.JsonColumns;
import app.baton.careplan.TaskRow;
import app.baton.careplan.Tasks;

import app.baton.decision.TaskDecision;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The sweep's reads (open tasks with a due date, a page at a time) and its alerts in PostgreSQL. */
@Repository
class TaskAlerts {

    /** An open task with the facts of its plan (or of the intake it holds). */
    record Candidate(TaskRow task, CaseFacts facts) {
    }

    /** An escalation step (with the decision that raised it) or a reminder (decision null) to store under its key. */
    record Alert(String key, String kind, TaskRow task, int level, String recipient, String rule, OffsetDateTime dueAt,
                 int ruleSetVersion, TaskDecision decision) {

        static final String ESCALATION = "ESCALATION";
        static final String REMINDER = "REMINDER";
    }

    private final JdbcClient jdbc;
    private final Tasks tasks;
    private final JsonColumns json;

    TaskAlerts(JdbcClient jdbc, Tasks tasks, JsonColumns json) {
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.json = json;
    }

    /**
     * Open tasks that can be worked, due by {@code horizon}, in id order after {@code after} (a keyset page), with their facts.
     * A NEW task waits for its prerequisite: nobody can work it yet, so it is neither reminded nor escalated.
     */
    List<Candidate> openDueBy(OffsetDateTime horizon, UUID after, int limit) {
        RowMapper<TaskRow> task = tasks.mapper();
        return jdbc.sql("with page as (select " + Tasks.COLUMNS + """
                         from task where status not in ('DONE', 'CANCELLED', 'NEW') and due_at is not null and due_at <= :horizon and id > :after
                         order by id limit :limit)
                select page.*, coalesce(p.facts, i.facts)::text as case_facts
                from page left join care_plan p on p.id = page.plan_id left join intake i on i.id = page.intake_id
                order by page.id
                """)
                .param("horizon", horizon).param("after", after).param("limit", limit)
                .query((rs, row) -> new Candidate(task.mapRow(rs, row), json.read(rs.getString("case_facts"), CaseFacts.class)))
                .list();
    }

    /** Which of these keys are stored already (a step raised by an earlier sweep): one index probe per key, one statement. */
    Set<String> stored(Collection<String> keys) {
        if (keys.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("select alert_key from task_alert where alert_key = any(cast(:keys as text[]))")
                .param("keys", keys.toArray(String[]::new)).query(String.class).list());
    }

    /**
     * Stores the alerts whose keys are not stored yet, in one statement; returns the keys it stored. A key
     * stored before (an earlier run) or at the same time (another instance: its row is waited for) is skipped.
     */
    Set<String> insertNew(Collection<Alert> alerts, OffsetDateTime now) {
        if (alerts.isEmpty()) {
            return Set.of();
        }
        int n = alerts.size();
        String[] keys = new String[n];
        String[] kinds = new String[n];
        String[] taskIds = new String[n];
        String[] planIds = new String[n];
        Integer[] levels = new Integer[n];
        String[] recipients = new String[n];
        String[] rules = new String[n];
        String[] dues = new String[n];
        Integer[] versions = new Integer[n];
        String[] decisions = new String[n];
        int i = 0;
        for (Alert a : alerts) {
            keys[i] = a.key();
            kinds[i] = a.kind();
            taskIds[i] = a.task().id().toString();
            planIds[i] = a.task().planId() == null ? null : a.task().planId().toString();
            levels[i] = a.level();
            recipients[i] = a.recipient();
            rules[i] = a.rule();
            dues[i] = a.dueAt().toString();
            versions[i] = a.ruleSetVersion();
            decisions[i] = a.decision() == null ? null : a.decision().id().toString();
            i++;
        }
        return new HashSet<>(jdbc.sql("""
                insert into task_alert (alert_key, kind, task_id, plan_id, level, recipient, rule, due_at, rule_set_version, raised_at,
                                        decision_id)
                select k, kind, cast(t as uuid), cast(p as uuid), l, r, ru, cast(d as timestamptz), v, :now, cast(dec as uuid)
                from unnest(cast(:keys as text[]), cast(:kinds as text[]), cast(:tasks as text[]), cast(:plans as text[]),
                            cast(:levels as integer[]), cast(:recipients as text[]), cast(:rules as text[]), cast(:dues as text[]),
                            cast(:versions as integer[]), cast(:decisions as text[])) as a(k, kind, t, p, l, r, ru, d, v, dec)
                on conflict (alert_key) do nothing
                returning alert_key
                """)
                .param("keys", keys).param("kinds", kinds).param("tasks", taskIds).param("plans", planIds).param("levels", levels)
                .param("recipients", recipients).param("rules", rules).param("dues", dues).param("versions", versions).param("decisions", decisions)
                .param("now", now)
                .query(String.class).list());
    }
}
