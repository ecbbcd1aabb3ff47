package app.baton.security;

/**
 * Kinds of patient data a response may carry, for the minimum-necessary rule: each role sees the
 * kinds its job needs ({@link MinimumNecessary}). Identifiers (patient, plan and task ids, the
 * program and task type) and the decision itself are not listed: every role that may read a
 * decision needs them.
 */
public enum PatientDataCategory {
    /** Payer and whether a member ID is on file. */
    PAYER,
    /** Preferred language and the location that serves the patient. */
    DEMOGRAPHIC,
    /** Whether the patient's consent is on file. */
    CONSENT,
    /** Care-plan stage, complexity, discharge date, referral details present. */
    CLINICAL,
    /**
     * The booked face-to-face visit: front desk books it and billing counts it, so the roles that may
     * write it read it back.
     */
    APPOINTMENT,
    /** Service period and clinical staff minutes in it (what CCM billing counts). */
    SERVICE_TIME
}
