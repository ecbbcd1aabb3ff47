-- An impact analysis replays recorded decisions against a candidate rule set version and keeps
-- its report with that version, so a reviewer can read before approving what the change would
-- have done. sample_until fixes the sample when the analysis starts: decisions recorded while it
-- runs are not part of it. heartbeat_at moves with every progress write; a RUNNING analysis whose
-- heartbeat stops (its instance died) is marked FAILED instead of staying RUNNING forever.
create table impact_analysis (
    id               uuid primary key,
    rule_set_version integer     not null references rule_set_version (version),
    sample_kind      text        not null check (sample_kind in ('LAST_DAYS', 'LAST_DECISIONS')),
    sample_size      integer     not null check (sample_size > 0),
    sample_until     timestamptz not null,
    status           text        not null check (status in ('RUNNING', 'COMPLETED', 'CANCELLED', 'FAILED')),
    requested_by     text        not null,
    started_at       timestamptz not null default now(),
    heartbeat_at     timestamptz not null default now(),
    finished_at      timestamptz,
    cancelled_by     text,
    processed        bigint      not null default 0,
    total            bigint,
    report           jsonb,
    failure          text
);
