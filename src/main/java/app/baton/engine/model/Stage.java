package app.baton.engine.model;

/** The stages of PRODUCT.md's process, intake to closure. */
public enum Stage { INTAKE, PLANNING, COORDINATION, FOLLOW_UP, CLOSURE, REVIEW }
