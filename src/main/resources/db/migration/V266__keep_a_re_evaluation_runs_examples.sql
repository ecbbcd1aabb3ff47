-- An applied re-evaluation answers at once and runs in the background, so what it changed is read from its run:
-- up to 20 examples (task id, program, task type, due date and queue from and to), appended in the transaction of
-- the page that made them, so a run resumed after a crash keeps those of the pages that committed.
alter table re_evaluation_run add column examples jsonb not null default '[]';
