-- Compliance and support look decisions up by task and time.
create index decision_by_task on decision (task_id, as_of);
