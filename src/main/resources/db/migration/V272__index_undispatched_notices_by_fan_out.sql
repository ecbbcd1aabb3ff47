-- A fan-out task claims the undispatched notices of its batch; dispatched ones are never looked up by batch again.
create index notification_outbox_by_fan_out on notification_outbox (fan_out) where dispatched_at is null;
