-- Authentication looks a presented key up by its hash on every cache miss; unique, so one hash is
-- one key (and the demo key can be seeded idempotently).
create unique index api_key_sha256 on api_key (key_sha256);
