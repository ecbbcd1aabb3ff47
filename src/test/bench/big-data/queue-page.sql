-- A page of 50 open tasks of one queue, in the queue's order (app.baton.careplan.OpenTaskPages)
\set q random(1, 12)
select id, patient_id, status, priority, queue, due_at
from task
where status not in ('DONE', 'CANCELLED')
  and queue = (array['CARE_COORDINATION', 'BILINGUAL_CARE_COORDINATION', 'COMMUNITY_OUTREACH', 'BEHAVIORAL_HEALTH',
                     'BILINGUAL_BEHAVIORAL_HEALTH', 'NURSING', 'BILINGUAL_NURSING', 'SCHEDULING', 'FRONT_DESK',
                     'SATELLITE_FRONT_DESK', 'AUTHORIZATIONS', 'PRACTICE_LEADERSHIP'])[:q]
order by coalesce(due_at, 'infinity'::timestamptz), priority_rank, id
limit 51;
