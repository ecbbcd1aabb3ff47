-- Analyses are listed per rule set version, newest first.
create index impact_analysis_by_version on impact_analysis (rule_set_version, started_at desc);
