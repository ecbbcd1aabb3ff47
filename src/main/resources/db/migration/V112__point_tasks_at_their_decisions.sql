-- The recorded decision that set a task's current queue, prompt and flags (decision_id), and the one that set
-- its due date (due_decision_id: a due date set by an earlier version is kept until an explicit
-- re-evaluation, so it may come from an earlier decision). Null for tasks decided before this migration.
alter table task add column decision_id uuid;
alter table task add column due_decision_id uuid;
