-- The dashboards' SLA attainment reads tasks by due date over the last months; the exception
-- report reads blocked tasks. Open work by queue is served by task_open_by_queue (V47).
create index task_by_due on task (due_at) where due_at is not null;
create index task_blocked on task (queue) where status = 'BLOCKED_MISSING_INFO';
