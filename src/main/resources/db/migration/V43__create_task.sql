-- The tasks of care plans, and the one task that holds an incomplete intake (purpose
-- MISSING_INFO, no plan yet). One owner at a time: a queue and role, optionally a person. Each
-- task keeps what the rules last decided for it and the rule set versions that decided it:
-- due_rule_set_version set the due date, which a newer version changes only through an explicit
-- re-evaluation. version is the optimistic lock a client sends back. position is the task's
-- place in its plan: the row order of the template.
create table task (
    id                    uuid primary key,
    plan_id               uuid references care_plan (id),
    intake_id             uuid references intake (id),
    prerequisite_id       uuid references task (id),
    purpose               text        not null check (purpose in ('PLAN', 'MISSING_INFO')),
    position              integer     not null,
    patient_id            text        not null,
    location              text        not null,
    program               text        not null,
    task_type             text        not null,
    status                text        not null,
    stage                 text        not null,
    priority              text        not null,
    priority_rank         smallint    not null,
    queue                 text,
    role                  text,
    routing_rule          text,
    owner_user            text,
    due_at                timestamptz,
    sla_basis             text,
    due_rule              text,
    due_rule_set_version  integer,
    next_action           jsonb,
    missing_info          jsonb       not null default '[]',
    trace                 jsonb       not null default '[]',
    rule_set_version      integer     not null,
    attempts              integer     not null default 0,
    submitted_at          timestamptz,
    created_at            timestamptz not null,
    status_since          timestamptz not null,
    version               integer     not null default 0,
    check (plan_id is not null or intake_id is not null)
);
