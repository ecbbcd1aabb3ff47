-- Four eyes: who approved a version, when and why. The database itself refuses an approval by
-- the version's author, whatever the application does.
alter table rule_set_version
    add column approver      text,
    add column approved_at   timestamptz,
    add column approval_note text,
    add constraint rule_set_version_four_eyes check (approver is null or approver <> author);
