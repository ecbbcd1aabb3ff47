package app.baton.escalation;

import app.baton.careplan.TaskRow;

import app.baton.decision.TaskDecision;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * The sweep's alerts in PostgreSQL (table {@code task_alert}). The open tasks it sweeps are read through the care
 * plan's {@link app.baton.careplan.OpenTaskPages}.
 */
@Repository
class TaskAlerts {

    /** An escalation step (with the decision that raised it) or a reminder (decision null) to store under its key. */
    record Alert(String key, String kind, TaskRow task, int level, String recipient, String rule, OffsetDateTime dueAt,
                 int ruleSetVersion, TaskDecision decision) {

        static final String ESCALATION = "ESCALATION";
        static final String REMINDER = "REMINDER";
    }

    private final JdbcClient jdbc;

    TaskAlerts(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
