package app.baton.engine.model;

/** TCM medical decision-making complexity: MODERATE bills 99495, HIGH bills 99496. */
public enum Complexity { MODERATE, HIGH }
