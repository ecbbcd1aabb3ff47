-- The version an upload started from, so a diff and the history can show what a draft changed.
alter table rule_set_version
    add column base_version integer references rule_set_version (version);
