-- The audit trail is append-only: the database itself refuses to change or remove an entry,
-- whatever the application does. (A superuser or the table owner can still disable the trigger;
-- the hash chain is what makes that visible, and docs/compliance-guide.md shows how to run the
-- application as a role that owns nothing.)
create function audit_event_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the audit trail is append-only: % refused on audit_event', tg_op;
end;
$$;

create trigger audit_event_append_only
    before update or delete on audit_event
    for each row execute function audit_event_is_append_only();

create trigger audit_event_no_truncate
    before truncate on audit_event
    for each statement execute function audit_event_is_append_only();
