-- The files of a rule set version, byte for byte as uploaded, so a version can be downloaded,
-- diffed and recompiled exactly.
create table rule_set_file (
    version integer  not null references rule_set_version (version),
    path    text     not null,
    sha256  char(64) not null,
    content bytea    not null,
    primary key (version, path)
);
