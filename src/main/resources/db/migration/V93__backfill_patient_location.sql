-- The patients' locations of the records stored before patient_location existed.
insert into patient_location (patient_id, location)
select inputs #>> '{patient,id}', inputs #>> '{patient,location}' from decision
where inputs #>> '{patient,id}' is not null and inputs #>> '{patient,location}' is not null
union
select patient_id, location from intake;
