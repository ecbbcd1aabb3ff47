-- The transactional outbox: one row per notice (hand-off, escalation, completion, reminder ...),
-- inserted in the transaction of the business change that caused it, so that the notice exists
-- exactly when the change does. Ids and codes only, never patient data: codes is a small map of
-- machine codes. dispatched_at is set when the notice has been fanned out to its in-app
-- recipients and webhook deliveries.
create table notification_outbox (
    id            uuid primary key,
    kind          text        not null,
    queue         text,
    role          text,
    username      text,
    plan_id       text,
    task_id       text,
    codes         jsonb       not null default '{}',
    occurred_at   timestamptz not null,
    created_at    timestamptz not null default now(),
    dispatched_at timestamptz
);
