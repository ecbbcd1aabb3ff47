package app.baton.engine.model;

/** The six stages of the care-plan process, intake to closure (docs/tracker.md). */
public enum Stage { INTAKE, PLANNING, COORDINATION, FOLLOW_UP, CLOSURE, REVIEW }
