-- db-scheduler's table (com.github.kagkarlsson:db-scheduler, PostgreSQL schema of the 16.x line): one row
-- per scheduled task instance, shared by every module that runs cluster-safe tasks (notification
-- deliveries now, the tracker's escalation sweep later). Instances claim due rows with
-- SELECT ... FOR UPDATE SKIP LOCKED (polling strategy lock-and-fetch), so one row runs on one
-- instance at a time. Its indexes come with it: they are the library's, not a choice of ours.
create table scheduled_tasks (
    task_name            text                     not null,
    task_instance        text                     not null,
    task_data            bytea,
    execution_time       timestamp with time zone not null,
    picked               boolean                  not null,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures integer,
    last_heartbeat       timestamp with time zone,
    version              bigint                   not null,
    priority             smallint,
    primary key (task_name, task_instance)
);

create index execution_time_idx on scheduled_tasks (execution_time);
create index last_heartbeat_idx on scheduled_tasks (last_heartbeat);
create index priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);
