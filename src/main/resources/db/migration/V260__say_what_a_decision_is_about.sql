-- What a decision answers: a task (its queue, due date, prompts, flags, escalations: every decision before this one), or
-- a plan template (which tasks a care plan gets, or why none may be made: "Not eligible because"), which is asked about a
-- patient's plan before any task exists. GET /api/v1/decisions/{id} shows it as subject; replay reads only TASK decisions.
-- A constant default: PostgreSQL adds the column to every month's partition without rewriting a row.
alter table decision add column subject text not null default 'TASK' check (subject in ('TASK', 'PLAN_TEMPLATE'));
