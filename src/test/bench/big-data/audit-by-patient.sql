-- The first page of an audit search for one patient over one month (app.baton.audit.AuditReports.page): the count, then 50
-- entries newest first; a random patient and a random one of the 24 months
\set p random(0, :decisions / 20 - 1)
\set m random(1, 24)
select count(*) from audit_event
where occurred_at >= date_trunc('month', now()) - :m * interval '1 month'
  and occurred_at < date_trunc('month', now()) - (:m - 1) * interval '1 month'
  and patient_id = 'pt-' || :p;
select id, sequence_number, occurred_at, actor, actor_type, patient_id, action, category, object_type, object_id, outcome,
       source_address, correlation_id, emergency, details::text, previous_hash, hash
from audit_event
where occurred_at >= date_trunc('month', now()) - :m * interval '1 month'
  and occurred_at < date_trunc('month', now()) - (:m - 1) * interval '1 month'
  and patient_id = 'pt-' || :p
order by occurred_at desc, staged_number desc
limit 50 offset 0;
