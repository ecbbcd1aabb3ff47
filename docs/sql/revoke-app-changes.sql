-- Connected to the database baton as baton_owner, after the first start (after every start that added
-- migrations): take back what the application must never do. The audit trail and the rule set files are
-- append-only for it; only the owner could disable their triggers, and the application is not the owner.
revoke update, delete, truncate on audit_event, rule_set_file from baton_app;
-- Baton links the entries it staged into the hash chain: it may set an entry's place in the chain and
-- nothing else, and the audit_event trigger lets it do so only once, for an entry not yet linked.
grant update (sequence_number, previous_hash, hash) on audit_event to baton_app;
