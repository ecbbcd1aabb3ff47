package app.baton.engine.model;

public enum Priority { ROUTINE, URGENT, EXPEDITED }
