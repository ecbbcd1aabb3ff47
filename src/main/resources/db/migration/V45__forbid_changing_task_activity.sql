-- The activity log is append-only: a correction is a new entry, never an edit of an old one.
create function task_activity_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the activity log is append-only: % refused on task_activity', tg_op;
end;
$$;

create trigger task_activity_append_only
    before update or delete on task_activity
    for each row execute function task_activity_is_append_only();
