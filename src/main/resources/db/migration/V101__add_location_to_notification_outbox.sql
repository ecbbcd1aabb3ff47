-- The location of the patient a notice is about (a task's or a plan's location), or null for a notice
-- about no patient. In-app recipients are then only the people whose locations include it.
alter table notification_outbox add column location text;
