-- A version's files never change once stored (governance: versions are immutable). Changing a
-- rule means a new version.
create function rule_set_file_is_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'rule set files are immutable: version %, path %', old.version, old.path;
end;
$$;

create trigger rule_set_file_immutable
    before update or delete on rule_set_file
    for each row execute function rule_set_file_is_immutable();
