-- The test gate: the result of every scenario run against a version when it was uploaded, kept
-- with the version so a reviewer can see what was tested and what failed.
create table rule_set_scenario_result (
    version     integer not null references rule_set_version (version),
    file        text    not null,
    scenario_no integer not null,
    description text    not null,
    passed      boolean not null,
    failures    jsonb   not null,
    fired_rules jsonb   not null,
    primary key (version, file, scenario_no)
);
