-- A notice is fanned out by a db-scheduler task; a sweep page's or an intake's notices now share one task (up to
-- Notifications.FAN_OUT_BATCH of them), which fans them out in one transaction, instead of one task, one
-- transaction and half a dozen statements per notice. fan_out names that task's instance. A notice published alone
-- is a batch of one named by its own id, which is also what every task scheduled before this change is named by:
-- so the notices still waiting for their fan-out are given their own id here.
alter table notification_outbox add column fan_out uuid;
update notification_outbox set fan_out = id where dispatched_at is null;
