-- A task's decisions are read newest first by their sequence (decision_by_task_seq, V111); the older index on
-- (task_id, as_of) answers no query any more and cost every recorded decision an entry.
drop index decision_by_task;
