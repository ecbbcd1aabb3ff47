-- What the escalation sweep has raised: one row per escalation step and per reminder, under its stable
-- key (engine/model/EscalationKeys for escalations: task, level and due date; "rem-" + task and due date
-- for reminders). The primary key is what makes the sweep idempotent: it inserts with
-- ON CONFLICT DO NOTHING and notifies only for the rows it actually inserted, so a re-run, a crash in
-- the middle of a sweep or two instances sweeping at once never alert twice. Ids and codes only.
create table task_alert (
    alert_key         text        primary key,
    kind              text        not null check (kind in ('ESCALATION', 'REMINDER')),
    task_id           uuid        not null references task (id),
    plan_id           uuid,
    level             integer     not null,
    recipient         text        not null,
    rule              text,
    due_at            timestamptz not null,
    rule_set_version  integer     not null,
    raised_at         timestamptz not null
);
