-- Keeps patient_location as the tables that name a patient's location (a decision's inputs, an intake)
-- are written, so no module has to remember to: a table added later that names a patient's location
-- needs such a trigger too.
create function remember_patient_location(patient text, place text) returns void language sql as $$
    insert into patient_location (patient_id, location)
    select patient, place
    where patient is not null and place is not null
      and not exists (select 1 from patient_location where patient_id = patient and location = place);
$$;

create function remember_decision_patient_location() returns trigger language plpgsql as $$
begin
    perform remember_patient_location(new.inputs #>> '{patient,id}', new.inputs #>> '{patient,location}');
    return null;
end
$$;

create function remember_intake_patient_location() returns trigger language plpgsql as $$
begin
    perform remember_patient_location(new.patient_id, new.location);
    return null;
end
$$;

create trigger decision_patient_location after insert on decision
    for each row execute function remember_decision_patient_location();

create trigger intake_patient_location after insert on intake
    for each row execute function remember_intake_patient_location();
