-- Upgrade path: every task and reopened plan there is now, with its current stretch's start from its newest journal
-- entry (a task the journal does not know began its stretch at status_since). The rollups are built from these rows
-- when the application starts (Dashboard projection, docs/operations.md), since SLA months depend on the
-- practice's configured time zone.
insert into dashboard_task (task_id, plan_id, location, program, task_type, queue, stage, status, priority_rank, due_at,
                            created_at, status_since, entered_at, version)
select t.id, t.plan_id, t.location, t.program, t.task_type, t.queue, t.stage, t.status, t.priority_rank, t.due_at,
       t.created_at, t.status_since,
       coalesce(l.entered_at, t.status_since), t.version
from task t
left join (select distinct on (task_id) task_id, entered_at from dashboard_stage_entry order by task_id, id desc) l on l.task_id = t.id;

insert into dashboard_reopened_plan (plan_id) select id from care_plan where reopen_reason is not null;
