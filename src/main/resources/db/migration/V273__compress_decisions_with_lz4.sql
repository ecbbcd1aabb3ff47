-- A decision's response (about 1,900 bytes of JSON) and inputs are compressed as the row is stored, and every decision
-- is stored: lz4 compresses them several times faster than PostgreSQL's default (pglz), at about the same size. Set on
-- the table and on each partition it has (a partition created later takes the table's setting); new rows only, rows
-- already stored keep their compression and read as before. Only a server built with lz4 offers it (it is then one of
-- default_toast_compression's values); elsewhere (the embedded server of the tests) the columns keep the default.
do $$
declare
    t regclass;
begin
    if exists (select 1 from pg_settings where name = 'default_toast_compression' and 'lz4' = any(enumvals)) then
        for t in select 'decision'::regclass union all select inhrelid::regclass from pg_inherits where inhparent = 'decision'::regclass
        loop
            execute format('alter table %s alter column inputs set compression lz4, alter column response set compression lz4', t);
        end loop;
    end if;
end
$$;
