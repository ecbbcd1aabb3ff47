-- The verdict of the test gate for a version: whether every scenario passed and which rules (table
-- rows) no scenario exercised. A version can be approved only when the gate passed.
alter table rule_set_version
    add column gate_passed       boolean,
    add column unexercised_rules jsonb not null default '[]';
