-- The stage history becomes the dashboard module's own journal: its listener appends an entry for each change of
-- stage or status it hears of (TaskChanged), so the trigger on the tracker's task table, which only the
-- dashboards read, goes. Entries already written stay, with their ids; the journal stays append-only.
drop trigger task_stage_history_on_change on task;
drop function task_stage_history_record();
alter table task_stage_history rename to dashboard_stage_entry;
alter index task_stage_history_by_task rename to dashboard_stage_entry_by_task;
alter trigger task_stage_history_append_only on dashboard_stage_entry rename to dashboard_stage_entry_append_only;
alter function task_stage_history_is_append_only() rename to dashboard_stage_entry_is_append_only;
