-- The compiled form of a rule set version: the classes the rule engine generated from the version's files,
-- stored so that an instance that starts, or follows an activation, loads them instead of compiling again.
-- Derived data, not a rule version: the version is its files in rule_set_file, and a row here is valid only
-- under its fingerprint (the version's files, the shipped rule files, the Drools, Java and engine code it was
-- built with) and only with the SHA-256 of its content; anything else is compiled again and replaced.
create table rule_set_compiled (
    version     integer     not null references rule_set_version (version),
    fingerprint char(64)    not null,
    sha256      char(64)    not null,
    content     bytea       not null,
    created_at  timestamptz not null default now(),
    primary key (version, fingerprint)
);
