-- A task's decisions newest first: several are made in one transaction (one recorded_at) and at one
-- evaluation instant (one as_of), so the order they were stored in is kept as a sequence number.
alter table decision add column seq bigint generated always as identity;
create index decision_by_task_seq on decision (task_id, seq desc);
