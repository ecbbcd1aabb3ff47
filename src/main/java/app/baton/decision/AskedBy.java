package app.baton.decision;

/**
 * What asked for a decision, stored with it: a client of the decision API, or the step of the care-plan
 * tracker that needed it. Who acted (the user, API key or system) is stored beside it.
 */
public enum AskedBy {
    /** POST /api/v1/decisions and its batch. */
    API,
    /** A referral or discharge taken in: its plan's tasks, or the task that holds it. */
    INTAKE,
    /** A task's status changed (or its prerequisite settled, which readies it). */
    STATUS_CHANGE,
    /** A task was given to a person or back to its queue. */
    ASSIGNMENT,
    /** An activity was logged on a task. */
    ACTIVITY,
    /** A care plan's facts (or a held intake's fields) changed. */
    PLAN_FACTS,
    /** The escalation sweep, stored only when it raises a new escalation step. */
    SWEEP,
    /** An explicit re-evaluation of open work under the active version. */
    RE_EVALUATION,
    /** A CDS Hooks call from an EHR (patient-view, encounter-discharge): the cards it answers with. */
    CDS_HOOKS
}
