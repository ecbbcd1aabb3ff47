-- Linking a staged audit entry (AuditChainer's one UPDATE per batch) was checked by a PL/pgSQL row trigger that turned
-- the old and the new row into JSON and compared them (V142): about half of what the link cost PostgreSQL. The same
-- rule is now said with two column triggers whose conditions PostgreSQL checks itself, calling no function unless the
-- update is refused:
-- - an UPDATE that names any column of an entry's content is refused, whatever the values (a column added to
--   audit_event later must be added to this list; AuditTrailIntegrationTests fails until it is);
-- - an UPDATE that names a chain column of an entry already linked is refused, so an entry is linked once.
-- The check constraint audit_event_staged_or_linked still says a row is either staged or linked, never half of each.
create function audit_event_refuses_update() returns trigger language plpgsql as $$
begin
    raise exception 'the audit trail is append-only: UPDATE refused on audit_event (only a staged entry may be linked, once)';
end;
$$;

drop trigger audit_event_links_once on audit_event;
drop function audit_event_links_once();

create trigger audit_event_content_is_fixed
    before update of id, occurred_at, actor, actor_type, patient_id, action, category, object_type, object_id, outcome,
                     source_address, correlation_id, emergency, details, staged_number
    on audit_event
    for each row execute function audit_event_refuses_update();

create trigger audit_event_links_once
    before update of sequence_number, previous_hash, hash
    on audit_event
    for each row when (old.hash is not null) execute function audit_event_refuses_update();
