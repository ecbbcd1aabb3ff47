package app.baton.engine.model;

/** The operational statuses of a task; DONE and CANCELLED are closed, the rest are open. */
public enum TaskStatus {
    NEW, READY, IN_PROGRESS, WAITING_ON_PATIENT, WAITING_ON_EXTERNAL, BLOCKED_MISSING_INFO, DONE, CANCELLED;

    public boolean isOpen() {
        return this != DONE && this != CANCELLED;
    }
}
