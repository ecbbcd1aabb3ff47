-- The backlog gauge counts notices not yet fanned out: a partial index keeps that count cheap.
create index notification_outbox_backlog on notification_outbox (created_at) where dispatched_at is null;
