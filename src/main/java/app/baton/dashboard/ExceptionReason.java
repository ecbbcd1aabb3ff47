package app.baton.dashboard;

/** Why an open task is on the exception report. */
public enum ExceptionReason {
    /** Past its due date. */
    OVERDUE,
    /** Waiting for information that is missing (status BLOCKED_MISSING_INFO). */
    BLOCKED_MISSING_INFO,
    /** Its care plan was closed and then reopened. */
    REOPENED
}
