-- An impact analysis also evaluates the open tasks as they stand now against its candidate version, after
-- replaying the recorded decisions. Its progress through them is kept beside the decisions' progress:
-- open_tasks_total is null until that part starts.
alter table impact_analysis
    add column open_tasks_processed bigint not null default 0,
    add column open_tasks_total     bigint;
