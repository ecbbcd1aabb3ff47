-- The history of a delivery: one row per HTTP attempt, with the answer's status code or an error
-- code (timeout, connection), never the receiver's answer body.
create table webhook_attempt (
    id           uuid primary key,
    delivery_id  uuid        not null references webhook_delivery (id),
    drive        integer     not null,
    attempt      integer     not null,
    attempted_at timestamptz not null,
    status_code  integer,
    error        text,
    duration_ms  integer     not null,
    outcome      text        not null check (outcome in ('DELIVERED', 'RETRY', 'DEAD'))
);
