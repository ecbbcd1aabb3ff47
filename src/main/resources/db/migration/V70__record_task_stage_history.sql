-- The stage and status a task entered, and when: the history the leadership dashboards' "time in
-- stage" reads (the task row keeps only its current status and status_since). A trigger writes it,
-- so every path that inserts or updates a task (the tracker's services, re-evaluation, bulk loads)
-- records it without knowing about the dashboards. Codes and times only, no patient data.
create table task_stage_history (
    id          bigint generated always as identity primary key,
    task_id     uuid        not null references task (id),
    stage       text        not null,
    status      text        not null,
    entered_at  timestamptz not null
);
create index task_stage_history_by_task on task_stage_history (task_id, entered_at, id);

-- A status change is timed by the task's own status_since (the application's clock); a change of
-- stage alone, which rules may make on re-evaluation, by the transaction's time.
create function task_stage_history_record() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into task_stage_history (task_id, stage, status, entered_at) values (new.id, new.stage, new.status, new.status_since);
    elsif old.status is distinct from new.status then
        insert into task_stage_history (task_id, stage, status, entered_at) values (new.id, new.stage, new.status, new.status_since);
    elsif old.stage is distinct from new.stage then
        insert into task_stage_history (task_id, stage, status, entered_at) values (new.id, new.stage, new.status, now());
    end if;
    return null;
end;
$$;

create trigger task_stage_history_on_change
    after insert or update of status, stage on task
    for each row execute function task_stage_history_record();

-- Tasks older than this table: their creation in their current stage (status UNRECORDED: what it
-- was then is not known and is not made up), and their current status since it began.
insert into task_stage_history (task_id, stage, status, entered_at)
select id, stage, 'UNRECORDED', created_at from task where status_since > created_at;
insert into task_stage_history (task_id, stage, status, entered_at)
select id, stage, status, status_since from task;

-- History is appended, never rewritten: a later change is a new row.
create function task_stage_history_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the stage history is append-only: % refused on task_stage_history', tg_op;
end;
$$;

create trigger task_stage_history_append_only
    before update or delete on task_stage_history
    for each row execute function task_stage_history_is_append_only();
