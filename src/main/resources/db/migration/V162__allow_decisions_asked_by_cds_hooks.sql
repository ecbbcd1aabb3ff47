-- A CDS Hooks call is a new kind of asker of decisions. The value is added to whatever list the asked_by check holds
-- when this runs (read from the catalog), so a value another migration added is kept.
do $$
declare
    check_name text;
    definition text;
begin
    select conname, pg_get_constraintdef(oid) into check_name, definition
    from pg_constraint
    where conrelid = 'decision'::regclass and contype = 'c' and pg_get_constraintdef(oid) like '%asked_by%';
    execute format('alter table decision drop constraint %I', check_name);
    execute format('alter table decision add constraint %I %s', check_name,
                   replace(definition, '''API''::text', '''API''::text, ''CDS_HOOKS''::text'));
end
$$;
