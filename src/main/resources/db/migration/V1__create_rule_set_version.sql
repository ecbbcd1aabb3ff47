-- A rule set version: one immutable bundle of DRL, decision tables and scenarios, identified by
-- the sha256 of its files. Versions are kept forever; compliance reads them back.
create table rule_set_version (
    version      integer primary key,
    sha256       char(64)    not null,
    status       text        not null check (status in ('DRAFT', 'APPROVED', 'ACTIVE', 'RETIRED')),
    author       text        not null,
    change_note  text        not null,
    created_at   timestamptz not null default now(),
    activated_at timestamptz
);
