-- The dashboards' rollups, kept current with dashboard_task in the same transaction (rebuilt from it on demand).
-- queue '' stands for a task without a queue (a key column cannot be null).

-- Tasks by location, program, queue, stage and status: "counts by stage and status" and the open part of a queue.
create table dashboard_count (
    location text   not null,
    program  text   not null,
    queue    text   not null,
    stage    text   not null,
    status   text   not null,
    tasks    bigint not null,
    primary key (location, program, queue, stage, status)
);

-- Tasks with a due date by the month of that date in the practice's time zone: done, done by the due date, and
-- still open. SLA attainment and "overdue by queue" take whole past months from here; only the current month's
-- open tasks are counted live from dashboard_task (what is overdue moves with the clock). Cancelled tasks count
-- in neither.
create table dashboard_sla_month (
    location text   not null,
    program  text   not null,
    queue    text   not null,
    stage    text   not null,
    month    text   not null,
    done     bigint not null,
    met      bigint not null,
    open     bigint not null,
    primary key (location, program, queue, stage, month)
);

-- Each task's time in each stage while it was not done or cancelled: the hours of finished stretches, and when its
-- current stretch began if it is in that stage now and still open ("time in stage"). The task's creation time is
-- kept here too (it never changes), so the unfiltered figure reads this table alone.
create table dashboard_stage_stay (
    task_id        uuid             not null,
    stage          text             not null,
    created_at     timestamptz      not null,
    closed_seconds double precision not null,
    open_since     timestamptz,
    primary key (task_id, stage)
);

-- One row: the time zone the SLA months were built in, and when the rollups were last built from dashboard_task.
create table dashboard_projection (
    id       integer primary key check (id = 1),
    zone     text,
    built_at timestamptz
);
insert into dashboard_projection (id) values (1);
