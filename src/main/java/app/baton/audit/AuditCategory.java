package app.baton.audit;

/** Which kind of data the action touched (ASTM E2147 "data category"). */
public enum AuditCategory {
    DECISION, RULE_SET, USER, API_KEY, AUDIT, AUTHENTICATION, WEBHOOK, INTAKE, CARE_PLAN, TASK
}
