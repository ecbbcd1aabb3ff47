-- The recorded decision (asked by the sweep) whose escalation rows raised this step. Null for reminders
-- (a reminder is the stored due date coming near, not a rule's answer) and for steps raised before.
alter table task_alert add column decision_id uuid;
