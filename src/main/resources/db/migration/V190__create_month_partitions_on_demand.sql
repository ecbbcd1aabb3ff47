-- Monthly partitions of the tables that grow with every request (decision, audit_event) are made by one function,
-- used by the migrations that partition those tables and by the scheduled partition maintenance
-- (app.baton.audit.PartitionMaintenance), so that both name and bound a month the same way: <table>_yYYYYmMM holds
-- [first day of the month, first day of the next) in UTC. Creating a month that exists is a no-op.
-- audit_event's partitions also refuse TRUNCATE themselves: a statement trigger on the parent does not fire
-- for a TRUNCATE naming a partition, while the row triggers (no UPDATE or DELETE) are cloned by PostgreSQL.
create function baton_month_partition(parent text, month date) returns text language plpgsql as $$
declare
    first_day date := date_trunc('month', month)::date;
    name      text := format('%s_y%sm%s', parent, to_char(first_day, 'YYYY'), to_char(first_day, 'MM'));
begin
    if to_regclass(name) is not null then
        return name;
    end if;
    execute format('create table %I partition of %I for values from (%L) to (%L)', name, parent,
                   (first_day::timestamp at time zone 'UTC'), ((first_day + interval '1 month')::timestamp at time zone 'UTC'));
    if parent = 'audit_event' then
        execute format('create trigger audit_event_no_truncate before truncate on %I '
                       'for each statement execute function audit_event_is_append_only()', name);
        execute format('revoke update, delete, truncate on %I from public', name);
    end if;
    return name;
end;
$$;
