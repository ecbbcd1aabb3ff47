-- A queue's page: open tasks of one queue in the order staff work them (due first, tasks
-- without a due date last, then priority, then id as the tie-break a keyset cursor needs).
-- Partial, so done and cancelled tasks cost nothing here however many there are.
create index task_open_by_queue on task (queue, (coalesce(due_at, 'infinity'::timestamptz)), priority_rank, id)
    where status not in ('DONE', 'CANCELLED');
