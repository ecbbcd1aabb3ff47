-- Clinical leads read the figures per rule set version and table row.
create index cds_card_by_row on cds_card (rule_set_version, rule_source);
