-- Applying a re-evaluation of open tasks runs in pages, one transaction per page. This row is its state:
-- after_task is the last task id whose page committed, moved in that page's transaction, so a run resumed
-- after a crash starts after it and applies nothing twice. heartbeat_at moves with every page; a RUNNING
-- run whose heartbeat stopped (its instance died) is resumed by another instance or the next start-up.
-- locations: the caller's locations, comma-separated; null for every location.
create table re_evaluation_run (
    id               uuid primary key,
    rule_set_version integer     not null,
    locations        text,
    requested_by     text        not null,
    status           text        not null check (status in ('RUNNING', 'COMPLETED')),
    after_task       uuid        not null default '00000000-0000-0000-0000-000000000000',
    total            bigint      not null,
    processed        bigint      not null default 0,
    due_changed      bigint      not null default 0,
    queue_changed    bigint      not null default 0,
    unchanged        bigint      not null default 0,
    skipped          bigint      not null default 0,
    started_at       timestamptz not null default now(),
    heartbeat_at     timestamptz not null default now(),
    finished_at      timestamptz
);
