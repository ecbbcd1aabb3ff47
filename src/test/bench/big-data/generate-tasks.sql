-- Fills a Baton schema that generate.sql filled with :tasks tasks (a tenth of them open, the newest), their care
-- plans and intakes (one per ten tasks), created over the 24 months before now, for :decisions decisions' patients.
-- Run by big-data.sh as a superuser: triggers are skipped (session_replication_role = replica).
\set ON_ERROR_STOP on
set session_replication_role = replica;
set synchronous_commit = off;

\echo tasks
insert into intake (id, source_system, source_id, kind, request_sha256, status, patient_id, location, facts, received_at)
select md5('intake' || g)::uuid, 'bench', 'ref-' || g, 'REFERRAL', repeat('b', 64), 'RELEASED', 'pt-' || (g % (:decisions / 20)),
       'MAIN', '{}', now() - interval '730 days' * (1 - g::float8 / (:tasks / 10))
from generate_series(1, :tasks / 10) g;

insert into care_plan (id, intake_id, patient_id, location, program, facts, status, rule_set_version, template_rules, created_at)
select md5('plan' || g)::uuid, md5('intake' || g)::uuid, 'pt-' || (g % (:decisions / 20)), 'MAIN', 'CARE_MANAGEMENT', '{}', 'OPEN', 1,
       '[]', now() - interval '730 days' * (1 - g::float8 / (:tasks / 10))
from generate_series(1, :tasks / 10) g;

-- 12 queues; the newest tenth of the tasks are open, the rest done
insert into task (id, plan_id, purpose, position, patient_id, location, program, task_type, status, stage, priority, priority_rank,
                  queue, role, due_at, rule_set_version, created_at, status_since, decision_id)
select md5('task' || g)::uuid, md5('plan' || (1 + g % (:tasks / 10)))::uuid, 'PLAN', g % 10, 'pt-' || (g % (:decisions / 20)),
       'MAIN', 'CARE_MANAGEMENT', 'FOLLOW_UP_CALL',
       case when g > :tasks - :tasks / 10 then 'OPEN' else 'DONE' end, 'WORK',
       (array['URGENT', 'HIGH', 'ROUTINE', 'LOW'])[1 + g % 4], 1 + g % 4,
       (array['CARE_COORDINATION', 'BILINGUAL_CARE_COORDINATION', 'COMMUNITY_OUTREACH', 'BEHAVIORAL_HEALTH', 'BILINGUAL_BEHAVIORAL_HEALTH',
              'NURSING', 'BILINGUAL_NURSING', 'SCHEDULING', 'FRONT_DESK', 'SATELLITE_FRONT_DESK', 'AUTHORIZATIONS',
              'PRACTICE_LEADERSHIP'])[1 + g % 12],
       'CARE_COORDINATOR', ts + interval '3 days' + (g % 97) * interval '1 hour', 1, ts, ts, md5('decision' || (1 + g % :decisions))::uuid
from generate_series(1, :tasks) g,
     lateral (select now() - interval '730 days' * (1 - g::float8 / (:tasks)) as ts) t;

analyze task;
analyze care_plan;
analyze intake;
