-- A run whose page failed (a rule that throws, a task that cannot be read) stops as FAILED with the reason, instead of
-- being taken over again and again: the pages that committed stay applied; a new run applies the rest.
alter table re_evaluation_run drop constraint re_evaluation_run_status_check;
alter table re_evaluation_run add constraint re_evaluation_run_status_check check (status in ('RUNNING', 'COMPLETED', 'FAILED'));
alter table re_evaluation_run add column failure text;
