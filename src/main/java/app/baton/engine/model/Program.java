package app.baton.engine.model;

/** Care programs of the starter rule pack (see docs/clinical-lead-guide.md for their timelines). */
public enum Program { TCM, CCM, REFERRAL, PRIOR_AUTH, FUH, GENERAL }
