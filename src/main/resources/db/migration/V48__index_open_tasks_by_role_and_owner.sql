-- "My tasks": the open tasks of a role's queues, or of one person, in the same order as a queue.
create index task_open_by_role on task (role, (coalesce(due_at, 'infinity'::timestamptz)), priority_rank, id)
    where status not in ('DONE', 'CANCELLED');
create index task_open_by_owner on task (owner_user, (coalesce(due_at, 'infinity'::timestamptz)), priority_rank, id)
    where status not in ('DONE', 'CANCELLED') and owner_user is not null;
