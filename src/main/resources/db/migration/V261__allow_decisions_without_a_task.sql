-- A plan template's answer (subject PLAN_TEMPLATE, V260) is about a care plan that has no task yet, or that will never
-- be made (the template refused it), so it has no task id or task type. A task's decision keeps both (V262).
alter table decision alter column task_id drop not null;
alter table decision alter column task_type drop not null;
