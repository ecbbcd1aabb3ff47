-- The checks of reevaluation-kill.sh, after the run :'run' of version :version completed. bench_reeval_before holds
-- every open task at the clinical lead's location as it stood just before the apply (seeded: one of seed.sql's).
-- Each line starts with "ok" or "FAILED".
\set ON_ERROR_STOP on
create temporary table r as select * from re_evaluation_run where id = :'run';

-- the run's re-evaluation decisions, per task
create temporary table redecided as
select d.task_id, count(*) as decisions, min(d.id::text)::uuid as decision_id
from decision d, r
where d.asked_by = 'RE_EVALUATION' and d.rule_set_version = :version and d.recorded_at >= r.started_at
group by d.task_id;

create temporary table after_run as
select b.id, b.seeded, b.queue as queue_before, t.queue, b.due_at as due_before, t.due_at, b.version as version_before,
       t.version, t.decision_id, t.due_decision_id, coalesce(x.decisions, 0) as decisions, x.decision_id as re_decision
from bench_reeval_before b
join task t on t.id = b.id
left join redecided x on x.task_id = b.id::text;

select case when r.status = 'COMPLETED' and r.processed = r.total and r.total = (select count(*) from after_run)
            then 'ok    ' else 'FAILED' end
       || format(' the run: %s, %s of %s processed; open tasks before the apply: %s', r.status, r.processed, r.total,
                 (select count(*) from after_run))
from r;

select case when count(*) filter (where decisions <> 1) = 0 then 'ok    ' else 'FAILED' end
       || format(' exactly one re-evaluation decision per open task: %s tasks with one, %s with none, %s with more than one',
                 count(*) filter (where decisions = 1), count(*) filter (where decisions = 0), count(*) filter (where decisions > 1))
from after_run;

select case when count(*) = 0 then 'ok    ' else 'FAILED' end
       || format(' re-evaluation decisions for tasks that were not open at the location: %s', count(*))
from redecided x where not exists (select 1 from bench_reeval_before b where b.id::text = x.task_id);

select case when count(*) filter (where version <> version_before + 1 or decision_id is distinct from re_decision
                                        or due_decision_id is distinct from re_decision or queue <> 'NURSING') = 0
              and count(*) > 0
            then 'ok    ' else 'FAILED' end
       || format(' seeded tasks (%s): changed exactly once (version + 1: %s; other: %s), pointing at their re-evaluation decision: %s, in NURSING: %s',
                 count(*), count(*) filter (where version = version_before + 1), count(*) filter (where version <> version_before + 1),
                 count(*) filter (where decision_id = re_decision and due_decision_id = re_decision),
                 count(*) filter (where queue = 'NURSING'))
from after_run where seeded;

select case when r.queue_changed = a.queue_moved and r.due_changed = a.due_moved and r.unchanged = a.neither and r.skipped = 0
            then 'ok    ' else 'FAILED' end
       || format(' the run''s counts match the tasks: queue changed %s (tasks %s), due changed %s (tasks %s), unchanged %s (tasks %s), skipped %s',
                 r.queue_changed, a.queue_moved, r.due_changed, a.due_moved, r.unchanged, a.neither, r.skipped)
from r, (select count(*) filter (where queue is distinct from queue_before) as queue_moved,
                count(*) filter (where due_at is distinct from due_before) as due_moved,
                count(*) filter (where queue is not distinct from queue_before and due_at is not distinct from due_before) as neither
         from after_run) a;

-- one HAND_OFF notice per task moved, none twice
with notices as (
    select n.task_id, count(*) as n from notification_outbox n, r
    where n.kind = 'HAND_OFF' and n.codes ->> 'ruleSetVersion' = :'version' and n.created_at >= r.started_at
    group by n.task_id)
select case when count(*) filter (where coalesce(n.n, 0) <> 1) = 0 then 'ok    ' else 'FAILED' end
       || format(' hand-off notices: %s moved tasks with one, %s with none, %s with more than one; notices for tasks that did not move: %s',
                 count(*) filter (where n.n = 1), count(*) filter (where n.n is null), count(*) filter (where n.n > 1),
                 (select count(*) from notices x where not exists (select 1 from after_run a where a.id::text = x.task_id
                                                                   and a.queue is distinct from a.queue_before)))
from after_run a left join notices n on n.task_id = a.id::text
where a.queue is distinct from a.queue_before;

-- the audit trail: one CREATE entry per re-evaluation decision, and one TASKS_RE_EVALUATED for the applied run
with entries as (
    select e.object_id, count(*) as n from audit_event e, r
    where e.action = 'CREATE' and e.category = 'DECISION' and e.occurred_at >= r.started_at
    group by e.object_id)
select case when count(*) filter (where coalesce(e.n, 0) <> 1) = 0 then 'ok    ' else 'FAILED' end
       || format(' audit: re-evaluation decisions with one CREATE entry %s, with none %s, with more than one %s',
                 count(*) filter (where e.n = 1), count(*) filter (where e.n is null), count(*) filter (where e.n > 1))
from after_run a left join entries e on e.object_id = a.re_decision::text
where a.re_decision is not null;

select case when count(*) = 1 and min(e.details ->> 'openTasks') = r.processed::text
                 and min(e.details ->> 'queueChanged') = r.queue_changed::text and min(e.details ->> 'dueChanged') = r.due_changed::text
            then 'ok    ' else 'FAILED' end
       || format(' audit: TASKS_RE_EVALUATED entries for the applied run of version %s: %s (%s)', :'version', count(*),
                 coalesce(string_agg(e.details::text, '; '), 'none'))
from r left join audit_event e on e.action = 'TASKS_RE_EVALUATED' and e.object_id = :'version' and e.details ->> 'applied' = 'true'
                               and e.occurred_at >= r.started_at
group by r.processed, r.queue_changed, r.due_changed;

-- the dashboards' projection followed each task once
select case when count(*) filter (where d.version is distinct from a.version or d.queue is distinct from a.queue) = 0
            then 'ok    ' else 'FAILED' end
       || format(' dashboard projection: %s of %s tasks at their current version and queue',
                 count(*) filter (where d.version = a.version and d.queue = a.queue), count(*))
from after_run a left join dashboard_task d on d.task_id = a.id;

select case when jsonb_array_length(r.examples) between 1 and 20 and r.failure is null then 'ok    ' else 'FAILED' end
       || format(' the run keeps its examples of what changed (at most 20): %s; failure: %s', jsonb_array_length(r.examples),
                 coalesce(r.failure, 'none'))
from r;
