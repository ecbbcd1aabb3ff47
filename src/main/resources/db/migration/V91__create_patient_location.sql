-- Which locations each patient has records at, so that a reader who sees only some locations (a
-- location-scoped compliance reviewer searching the audit trail) can be limited in SQL, whatever the
-- entry is about. Kept by triggers (V92). Rows are only added. No unique constraint: a duplicate from
-- two transactions at once is harmless, while waiting on a unique key could stall the decision writer.
create table patient_location (
    patient_id text not null,
    location   text not null
);

create index patient_location_by_patient on patient_location (patient_id, location);
