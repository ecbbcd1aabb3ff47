package app.baton.engine.model;

/** What a prior authorization asks for: an item or service, or a drug (drugs have other clocks than services). */
public enum ItemKind { SERVICE, DRUG }
