-- An audit entry is written in its caller's transaction without its place in the hash chain
-- (staged), and one chainer links it later in a short transaction of its own (app.baton.audit.
-- AuditChainer), so that no request waits on a global chain lock. A row is either staged (no
-- sequence number, previous hash or hash) or linked (all three); never half of each.
alter table audit_event
    alter column sequence_number drop not null,
    alter column previous_hash drop not null,
    alter column hash drop not null,
    add constraint audit_event_staged_or_linked
        check ((sequence_number is null) = (hash is null) and (hash is null) = (previous_hash is null));
