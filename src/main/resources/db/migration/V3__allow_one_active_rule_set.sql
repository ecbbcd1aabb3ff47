-- Exactly one version decides at a time: the database refuses a second ACTIVE row, whatever
-- any instance of the application does.
create unique index rule_set_version_one_active on rule_set_version (status) where status = 'ACTIVE';
