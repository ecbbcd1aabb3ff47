-- A task's alerts (its escalation history in the exception report, and tests), and the foreign key's
-- index, so removing or checking a task never scans the whole alert table.
create index task_alert_by_task on task_alert (task_id, raised_at);
