-- Audit reports filter by time, actor and patient, and compliance lists break-glass access; these
-- indexes keep those reports from scanning the whole trail. Break-glass entries are rare, so a
-- partial index holds only them.
create index audit_event_by_time on audit_event (occurred_at);
create index audit_event_by_actor on audit_event (actor, occurred_at);
create index audit_event_by_patient on audit_event (patient_id, occurred_at) where patient_id is not null;
create index audit_event_break_glass on audit_event (occurred_at) where emergency;
