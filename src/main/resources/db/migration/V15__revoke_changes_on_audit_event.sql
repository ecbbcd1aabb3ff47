-- No role gets to change the audit trail through a grant to PUBLIC. In production the application
-- connects as a non-owner role that has only SELECT and INSERT here (docs/compliance-guide.md,
-- "The database role"); the owner runs the migrations.
revoke update, delete, truncate on audit_event from public;
