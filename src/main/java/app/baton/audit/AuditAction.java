package app.baton.audit;

/** What was done (ASTM E2147 "action"). */
public enum AuditAction {
    CREATE, READ, UPDATE, DELETE,
    LOGIN, LOGIN_FAILED,
    EXPORT,
    RULE_SET_CREATED, RULE_SET_ACTIVATED,
    IMPACT_ANALYSIS_STARTED, IMPACT_ANALYSIS_CANCELLED,
    BREAK_GLASS,
    VERIFY
}
