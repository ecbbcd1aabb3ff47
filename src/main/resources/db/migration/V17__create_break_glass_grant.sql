-- Emergency access (HIPAA 164.312(a)(2)(ii)): who broke the glass for which patient, why, and
-- until when. Kept for compliance review; access checks read the unexpired grants.
create table break_glass_grant (
    id            uuid primary key,
    identity_id   text        not null,
    identity_name text        not null,
    patient_id    text        not null,
    reason        text        not null,
    granted_at    timestamptz not null,
    expires_at    timestamptz not null
);

create index break_glass_grant_active on break_glass_grant (identity_id, patient_id, expires_at);
