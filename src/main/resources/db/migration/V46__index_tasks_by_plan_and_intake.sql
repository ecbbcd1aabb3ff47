-- A plan's tasks, an intake's holding task and a task's activity are read together: look them
-- up by their owner rather than scanning.
create index task_by_plan on task (plan_id) where plan_id is not null;
create index task_by_intake on task (intake_id) where intake_id is not null;
create index task_activity_by_task on task_activity (task_id, id);
