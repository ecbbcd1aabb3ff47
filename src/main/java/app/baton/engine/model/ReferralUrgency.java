package app.baton.engine.model;

/** How soon the referring clinician wants the patient seen. */
public enum ReferralUrgency { ROUTINE, URGENT }
