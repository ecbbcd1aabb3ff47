-- What was done on a task, one entry per call attempt, message, note, document or barrier.
-- text is free text and so patient data: it is never logged and never copied into the audit
-- trail. A document is a reference into another system plus the SHA-256 of its content.
create table task_activity (
    id               bigint generated always as identity primary key,
    task_id          uuid        not null references task (id),
    kind             text        not null check (kind in ('CALL_ATTEMPT', 'MESSAGE', 'NOTE', 'DOCUMENT', 'BARRIER')),
    outcome          text,
    channel          text,
    barrier          text,
    text             text,
    document_ref     text,
    document_sha256  char(64),
    actor            text        not null,
    occurred_at      timestamptz not null
);
