-- Connected to the database baton as baton_owner, after the first start (after every start that added
-- migrations): take back what the application must never do. The audit trail and the rule set files are
-- append-only for it; only the owner could disable their triggers, and the application is not the owner.
revoke update, delete, truncate on audit_event, rule_set_file from baton_app;
