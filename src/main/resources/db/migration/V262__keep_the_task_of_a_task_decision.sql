-- Only a plan template's answer may lack a task (V261): a decision about a task names it and its type, as every
-- decision recorded before V260 does.
alter table decision add constraint decision_task_names_its_task
    check (subject <> 'TASK' or (task_id is not null and task_type is not null));
