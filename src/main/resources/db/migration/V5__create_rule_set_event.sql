-- What happened to each version and who did it: created, activated, later approved and rolled
-- back. Append-only by convention here; the audit issue makes it tamper-evident.
create table rule_set_event (
    id       bigint generated always as identity primary key,
    version  integer     not null references rule_set_version (version),
    kind     text        not null,
    actor    text        not null,
    note     text,
    at       timestamptz not null default now()
);

create index rule_set_event_by_version on rule_set_event (version, at);
