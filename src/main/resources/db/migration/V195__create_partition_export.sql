-- Every month partition that retention exported and then detached and dropped: which table and month, the file
-- it was written to and that file's SHA-256, how many rows, and for audit_event the chain's ends inside it
-- (lowest and highest sequence number, the first entry's previous hash and hash, the last entry's hash), so that
-- the chain stays provable after the entries left the database (docs/compliance-guide.md). Rows are only added.
create table partition_export (
    id                  bigint generated always as identity primary key,
    table_name          text        not null,
    partition_name      text        not null unique,
    range_from          timestamptz not null,
    range_to            timestamptz not null,
    row_count           bigint      not null,
    file                text        not null,
    file_sha256         char(64)    not null,
    first_sequence      bigint,
    first_previous_hash char(64),
    first_hash          char(64),
    last_sequence       bigint,
    last_hash           char(64),
    exported_at         timestamptz not null
);
