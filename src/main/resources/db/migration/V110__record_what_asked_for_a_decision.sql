-- What asked for a decision (the decision API, or the tracker step: intake, status change, assignment,
-- activity, plan facts, sweep, re-evaluation) and who acted (the actor's name: a user, an API key's name, or
-- "system"). Every decision before this one came through the decision API.
alter table decision add column asked_by text not null default 'API'
    check (asked_by in ('API', 'INTAKE', 'STATUS_CHANGE', 'ASSIGNMENT', 'ACTIVITY', 'PLAN_FACTS', 'SWEEP', 'RE_EVALUATION'));
alter table decision add column actor text;
