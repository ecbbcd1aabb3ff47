-- One message to one endpoint. The unique (message_id, endpoint_id) is the idempotency mechanism of
-- the fan-out: a fan-out that runs again after a crash adds no second delivery. attempts counts the
-- tries of the current drive (a re-drive starts again at 0); drive numbers the drives, 0 first.
create table webhook_delivery (
    id               uuid primary key,
    message_id       uuid        not null references notification_outbox (id),
    endpoint_id      uuid        not null references webhook_endpoint (id),
    status           text        not null check (status in ('PENDING', 'DELIVERED', 'DEAD', 'CANCELLED')),
    attempts         integer     not null default 0,
    drive            integer     not null default 0,
    last_status_code integer,
    last_error       text,
    created_at       timestamptz not null default now(),
    delivered_at     timestamptz,
    dead_at          timestamptz,
    unique (message_id, endpoint_id)
);
