-- A CDS Hooks card may stand for a plan template's refusal (encounter-discharge for an emergency department visit):
-- the plan template is evaluated as the intake evaluates it, which records no decision, so such a card names its
-- rule set version and template row but no decision. Every other card still names the decision it was made from.
alter table cds_card alter column decision_id drop not null;
