-- API keys of other apps (X-API-Key). The key itself is shown once, at creation; only its SHA-256
-- and its first characters (to tell keys apart in a list) are stored. A key is never deleted:
-- revoked_at ends it and keeps the record of who had it.
create table api_key (
    id           uuid primary key,
    name         text        not null,
    prefix       text        not null,
    key_sha256   char(64)    not null,
    roles        text[]      not null,
    locations    text[]      not null,
    created_at   timestamptz not null default now(),
    created_by   text        not null,
    expires_at   timestamptz,
    revoked_at   timestamptz,
    last_used_at timestamptz
);
