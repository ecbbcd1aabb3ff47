-- Where a verification of the audit chain found it intact: the entry (its sequence number, id and hash) up to which
-- every link was checked, and when. The next scheduled verification starts from the newest checkpoint instead of
-- the first entry (app.baton.audit.AuditChainVerifier); a full verification still starts from the beginning.
-- Rows are only added.
create table audit_checkpoint (
    id              bigint generated always as identity primary key,
    sequence_number bigint      not null check (sequence_number > 0),
    entry_id        uuid        not null,
    hash            char(64)    not null,
    entries         bigint      not null,
    full_walk       boolean     not null,
    verified_at     timestamptz not null
);

create index audit_checkpoint_newest on audit_checkpoint (sequence_number desc);
