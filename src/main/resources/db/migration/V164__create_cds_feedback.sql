-- The EHR's feedback on a card: accepted (with the suggestions taken) or overridden (with the coded reason and the
-- user's comment, which may be patient data and is never logged). One outcome per card: the primary key makes a
-- repeated feedback call idempotent.
create table cds_feedback (
    card_id              uuid primary key references cds_card (id),
    outcome              text        not null check (outcome in ('accepted', 'overridden')),
    accepted_suggestions jsonb       not null default '[]',
    override_code        text,
    override_display     text,
    user_comment         text,
    outcome_at           timestamptz not null,
    recorded_at          timestamptz not null
);
