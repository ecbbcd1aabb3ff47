-- Every decision Baton made: the rule set version, the minimized inputs the rules read, the
-- response as sent, and the rules that fired. Enough to explain and replay it.
create table decision (
    id                uuid primary key,
    idempotency_key   text,
    request_sha256    char(64)    not null,
    rule_set_version  integer     not null references rule_set_version (version),
    as_of             timestamptz not null,
    recorded_at       timestamptz not null default now(),
    task_id           text        not null,
    program           text        not null,
    task_type         text        not null,
    inputs            jsonb       not null,
    response          jsonb       not null,
    evaluation_micros integer     not null
);
