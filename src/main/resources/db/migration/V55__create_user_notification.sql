-- In-app notifications: one row per notice and person who should see it. The unique
-- (message_id, username) is the idempotency mechanism of the fan-out: running it again after a
-- crash notifies nobody twice.
create table user_notification (
    id         uuid primary key,
    message_id uuid        not null references notification_outbox (id),
    username   text        not null,
    created_at timestamptz not null default now(),
    read_at    timestamptz,
    unique (message_id, username)
);
