-- The dashboards' own copy of each task's codes and times (no patient data), kept by the dashboard module from
-- the tracker's TaskChanged events in the transaction that changes the task. The open rows feed the exception
-- report and the live part of "overdue by queue" and SLA attainment; the rollups below are derived from it.
-- entered_at: when the task's current stage and status began (its newest dashboard_stage_entry).
create table dashboard_task (
    task_id       uuid        primary key,
    plan_id       uuid,
    location      text        not null,
    program       text        not null,
    task_type     text        not null,
    queue         text,
    stage         text        not null,
    status        text        not null,
    priority_rank smallint    not null,
    due_at        timestamptz,
    created_at    timestamptz not null,
    status_since  timestamptz not null,
    entered_at    timestamptz not null,
    version       integer     not null
);
create index dashboard_task_open_by_due on dashboard_task (due_at) where status not in ('DONE', 'CANCELLED');
create index dashboard_task_open_by_queue on dashboard_task (queue, due_at) where status not in ('DONE', 'CANCELLED');
create index dashboard_task_by_created on dashboard_task (created_at);
