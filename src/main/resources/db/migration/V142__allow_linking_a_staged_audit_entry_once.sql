-- The audit trail stays append-only with one exception: a staged entry (no hash yet) may be given
-- its sequence number, previous hash and hash, once, and nothing else of it may change. A linked
-- entry can never be changed, and no entry can be removed.
create function audit_event_links_once() returns trigger language plpgsql as $$
begin
    if old.hash is null and new.hash is not null
       and to_jsonb(new) - array['sequence_number', 'previous_hash', 'hash']
           = to_jsonb(old) - array['sequence_number', 'previous_hash', 'hash'] then
        return new;
    end if;
    raise exception 'the audit trail is append-only: UPDATE refused on audit_event (only a staged entry may be linked, once)';
end;
$$;

drop trigger audit_event_append_only on audit_event;

create trigger audit_event_append_only
    before delete on audit_event
    for each row execute function audit_event_is_append_only();

create trigger audit_event_links_once
    before update on audit_event
    for each row execute function audit_event_links_once();
