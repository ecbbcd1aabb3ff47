-- The audit trail (ASTM E2147: when, who, which patient, which action, which data category, which
-- object, outcome, source address), one row per audited event. Rows form a SHA-256 hash chain:
-- each row's hash covers its own fields and the previous row's hash, in sequence_number order, so
-- a changed, removed or inserted row breaks the chain where it happened. Details never hold patient
-- data (no names, member IDs or notes); the patient is named by id only, in patient_id.
create table audit_event (
    id              uuid primary key,
    sequence_number bigint      not null unique check (sequence_number > 0),
    occurred_at     timestamptz not null,
    actor           text        not null,
    actor_type      text        not null check (actor_type in ('USER', 'API_KEY', 'JWT', 'SYSTEM', 'ANONYMOUS')),
    patient_id      text,
    action          text        not null,
    category        text        not null,
    object_type     text,
    object_id       text,
    outcome         text        not null check (outcome in ('SUCCESS', 'FAILURE', 'DENIED')),
    source_address  text,
    correlation_id  text,
    emergency       boolean     not null,
    details         jsonb,
    previous_hash   char(64)    not null,
    hash            char(64)    not null
);
