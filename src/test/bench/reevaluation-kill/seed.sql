-- Seeds :tasks open tasks for reevaluation-kill.sh, Baton stopped, in one transaction: each a copy of the
-- interactive-contact task of one of the template TCM discharges Baton took in through its API, in a plan of its
-- own for a patient of its own (reeval-0000001 ...), with every row the tracker wrote for it:
--   intake (facts, first answer), care_plan (facts, template rows), task (queue CARE_COORDINATION, READY, due two
--   business days after the discharge, pointing at its decision), decision (asked by INTAKE: inputs and response,
--   the task, plan and patient ids in them replaced), the audit entries of the intake, plan, task and decision
--   (staged: the chainer links them when Baton starts), and the dashboards' projection of the task (its rollups are
--   rebuilt from it at the next start). patient_location is kept by the tables' own triggers.
-- The templates' face-to-face visit and medication reconciliation tasks are not copied: every seeded task is one
-- the routing change moves.
\set ON_ERROR_STOP on
begin;

create temporary table tmpl as
select (row_number() over (order by i.source_id) - 1)::int as k, i.id as intake_id, p.id as plan_id, t.id as task_id,
       t.decision_id, i.patient_id
from intake i
join care_plan p on p.intake_id = i.id
join task t on t.plan_id = p.id and t.task_type = 'TCM_INTERACTIVE_CONTACT'
where i.source_id like 'REEVAL-TEMPLATE-%';

do $$
begin
    if (select count(*) from tmpl) = 0 then
        raise exception 'no template discharges (source ids REEVAL-TEMPLATE-*)';
    end if;
    if exists (select 1 from tmpl m join task t on t.id = m.task_id
               where t.status <> 'READY' or t.queue <> 'CARE_COORDINATION' or t.decision_id is null
                  or t.due_decision_id is distinct from t.decision_id) then
        raise exception 'a template contact task is not READY in CARE_COORDINATION with one decision for queue and due date';
    end if;
end
$$;
select count(*) as templates from tmpl \gset

create temporary table seed as
select g, m.*, gen_random_uuid() as new_intake, gen_random_uuid() as new_plan, gen_random_uuid() as new_task,
       gen_random_uuid() as new_decision, 'reeval-' || lpad(g::text, 7, '0') as new_patient
from generate_series(1, :tasks) g
join tmpl m on m.k = g % :templates;

-- The template's ids (and patient id, as a JSON string) in a text replaced by the copy's.
create function pg_temp.swap(t text, s seed) returns text language sql immutable as $$
    select replace(replace(replace(replace(replace(t,
        s.intake_id::text, s.new_intake::text), s.plan_id::text, s.new_plan::text), s.task_id::text, s.new_task::text),
        s.decision_id::text, s.new_decision::text), '"' || s.patient_id || '"', '"' || s.new_patient || '"')
$$;

insert into intake
select r.* from intake i join seed s on s.intake_id = i.id,
lateral jsonb_populate_record(null::intake, to_jsonb(i) || jsonb_build_object(
    'id', s.new_intake, 'source_id', 'REEVAL-' || s.g, 'patient_id', s.new_patient, 'plan_id', s.new_plan,
    'facts', pg_temp.swap(i.facts::text, s)::jsonb,
    'first_response', pg_temp.swap(i.first_response::text, s)::jsonb)) r;

insert into care_plan
select r.* from care_plan p join seed s on s.plan_id = p.id,
lateral jsonb_populate_record(null::care_plan, to_jsonb(p) || jsonb_build_object(
    'id', s.new_plan, 'intake_id', s.new_intake, 'patient_id', s.new_patient,
    'facts', pg_temp.swap(p.facts::text, s)::jsonb)) r;

insert into decision
select r.* from decision d join seed s on s.decision_id = d.id,
lateral jsonb_populate_record(null::decision, to_jsonb(d) || jsonb_build_object(
    'id', s.new_decision, 'task_id', s.new_task::text, 'seq', nextval('decision_seq'),
    'inputs', pg_temp.swap(d.inputs::text, s)::jsonb,
    'response', pg_temp.swap(d.response::text, s)::jsonb)) r;

insert into task
select r.* from task t join seed s on s.task_id = t.id,
lateral jsonb_populate_record(null::task, to_jsonb(t) || jsonb_build_object(
    'id', s.new_task, 'plan_id', s.new_plan, 'patient_id', s.new_patient,
    'decision_id', s.new_decision, 'due_decision_id', s.new_decision,
    'trace', pg_temp.swap(t.trace::text, s)::jsonb)) r;

insert into audit_event
select r.* from audit_event a
join seed s on a.patient_id = s.patient_id
           and a.object_id in (s.intake_id::text, s.plan_id::text, s.task_id::text, s.decision_id::text),
lateral jsonb_populate_record(null::audit_event, to_jsonb(a) || jsonb_build_object(
    'id', gen_random_uuid(), 'sequence_number', null, 'previous_hash', null, 'hash', null,
    'staged_number', nextval('audit_event_staging_order'), 'patient_id', s.new_patient,
    'object_id', pg_temp.swap(a.object_id, s),
    'details', pg_temp.swap(a.details::text, s)::jsonb)) r
order by s.g, a.staged_number;

insert into dashboard_task
select r.* from dashboard_task d join seed s on s.task_id = d.task_id,
lateral jsonb_populate_record(null::dashboard_task, to_jsonb(d) || jsonb_build_object(
    'task_id', s.new_task, 'plan_id', s.new_plan)) r;
insert into dashboard_stage_entry (task_id, stage, status, entered_at)
select s.new_task, e.stage, e.status, e.entered_at from dashboard_stage_entry e join seed s on s.task_id = e.task_id;
insert into dashboard_stage_stay
select r.* from dashboard_stage_stay d join seed s on s.task_id = d.task_id,
lateral jsonb_populate_record(null::dashboard_stage_stay, to_jsonb(d) || jsonb_build_object('task_id', s.new_task)) r;
-- the counters are rebuilt from dashboard_task when Baton starts
update dashboard_projection set zone = null, built_at = null;

select format('seeded: %s intakes, %s plans, %s open tasks, %s decisions, %s audit entries',
              (select count(*) from intake where source_id like 'REEVAL-%' and source_id not like 'REEVAL-TEMPLATE-%'),
              (select count(*) from care_plan where patient_id like 'reeval-0%'),
              (select count(*) from task where patient_id like 'reeval-0%' and status = 'READY'),
              (select count(*) from decision where inputs #>> '{patient,id}' like 'reeval-0%'),
              (select count(*) from audit_event where patient_id like 'reeval-0%'));
commit;
analyze;
