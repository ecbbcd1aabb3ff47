-- Referrals and discharge events as they arrive from other systems. An intake is HELD while the
-- active rule set finds required fields missing, and RELEASED once its care plan exists. facts
-- keeps what the rules read, minimized: member ID, referral reason and referring provider are
-- kept as "on file" flags, never their values. first_response is the answer the sender got first,
-- replayed when the same event is sent again.
create table intake (
    id              uuid primary key,
    source_system   text        not null,
    source_id       text        not null,
    kind            text        not null check (kind in ('REFERRAL', 'DISCHARGE')),
    request_sha256  char(64)    not null,
    status          text        not null check (status in ('HELD', 'RELEASED')),
    patient_id      text        not null,
    location        text        not null,
    facts           jsonb       not null,
    first_response  jsonb,
    plan_id         uuid,
    received_at     timestamptz not null,
    released_at     timestamptz
);
