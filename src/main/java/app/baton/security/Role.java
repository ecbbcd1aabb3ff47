package app.baton.security;

/**
 * The roles of Baton, aligned to job duties. A person or an app holds one or more; the
 * {@link PermissionMatrix} says what each may call.
 */
public enum Role {
    FRONT_DESK,
    CLINICAL_STAFF,
    CARE_COORDINATOR,
    BILLING,
    LEADERSHIP,
    CLINICAL_LEAD,
    COMPLIANCE_REVIEWER,
    /** Another app (EHR integration, scheduling, portal), usually through an API key. */
    INTEGRATION,
    ADMIN;

    /** The Spring Security authority of this role. */
    public String authority() {
        return "ROLE_" + name();
    }
}
