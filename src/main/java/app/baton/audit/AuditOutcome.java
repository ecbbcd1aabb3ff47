package app.baton.audit;

/** How the action ended: done, failed, or refused by access control. */
public enum AuditOutcome {
    SUCCESS, FAILURE, DENIED
}
