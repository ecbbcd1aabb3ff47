-- A decision's patient location was remembered by a row trigger calling a SQL function, which PostgreSQL plans
-- again on every call: a page of the escalation sweep's hundreds of decisions paid that once per decision. One
-- statement-level trigger now reads the statement's new rows as a set and adds each location it has not seen.
create function remember_decisions_patient_locations() returns trigger language plpgsql as $$
begin
    insert into patient_location (patient_id, location)
    select distinct d.patient, d.place
    from (select inputs #>> '{patient,id}' as patient, inputs #>> '{patient,location}' as place from inserted) d
    where d.patient is not null and d.place is not null
      and not exists (select 1 from patient_location pl where pl.patient_id = d.patient and pl.location = d.place);
    return null;
end
$$;

drop trigger decision_patient_location on decision;
drop function remember_decision_patient_location();

create trigger decision_patient_location after insert on decision
    referencing new table as inserted
    for each statement execute function remember_decisions_patient_locations();
