-- The intake source systems (sourceSystem of a referral or discharge) each API key sends. A source
-- system that an unrevoked key names is that key's (or those keys') alone: no other client can take
-- in an event under it, so nobody can take a hospital feed's next sourceId first.
alter table api_key add column source_systems text[] not null default '{}';
