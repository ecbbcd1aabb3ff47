-- Every card Baton answered a CDS Hooks call with: the decision and the table row that produced it, so that the
-- EHR's feedback (by card uuid) counts against that row. suggestion_ids are the uuids feedback may name as accepted.
create table cds_card (
    id               uuid primary key,
    service          text        not null,
    decision_id      uuid        not null,
    rule_set_version integer     not null,
    rule_source      text        not null,
    task_id          text,
    suggestion_ids   jsonb       not null default '[]',
    issued_at        timestamptz not null
);
