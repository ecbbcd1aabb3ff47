-- Care plans built from a program's template when an intake is complete. Patient facts are
-- minimized as on intake. A CLOSED plan is locked: its tasks take no more writes until it is
-- reopened, with a reason code (and an optional note, which is patient data).
create table care_plan (
    id                          uuid primary key,
    intake_id                   uuid        not null unique references intake (id),
    patient_id                  text        not null,
    location                    text        not null,
    program                     text        not null,
    facts                       jsonb       not null,
    status                      text        not null check (status in ('OPEN', 'CLOSED')),
    rule_set_version            integer     not null,
    template_rules              jsonb       not null,
    created_at                  timestamptz not null,
    closed_at                   timestamptz,
    reopen_reason               text,
    reopen_note                 text,
    version                     integer     not null default 0
);
