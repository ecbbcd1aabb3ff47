package app.baton.task;

import app.baton.careplan.ActivityRequest;

import app.baton.careplan.TaskRow;
import app.baton.careplan.TaskView;
import app.baton.careplan.TrackerAccess;
import app.baton.careplan.Views;
import app.baton.engine.model.TaskStatus;
import app.baton.security.PatientDataCategory;
import org.springframework.stereotype.Service;

/**
 * Work on one task as one in-process service, for the HTTP API, FHIR and the console alike: read it, move it, give it to
 * someone, log what was done. Each takes the object-level check (another location's task is "not found", and the
 * refusal audited), the audit and the minimum-necessary shaping. Ids arrive as text; a malformed one is "not found".
 */
@Service
public class TaskDesk {

    private final TrackerAccess access;
    private final TaskWork work;
    private final ActivityLog log;
    private final Views views;

    TaskDesk(TrackerAccess access, TaskWork work, ActivityLog log, Views views) {
        this.access = access;
        this.work = work;
        this.log = log;
        this.views = views;
    }

    /** One task, audited as a read of patient data. */
    public TaskView task(String id) {
        TaskRow task = access.task(id);
        access.read("task", task.id(), task.patientId());
        return views.task(task);
    }

    /** Moves a task on; {@code version} is the one the caller read (a stale one is a 409 and changes nothing). */
    public TaskView changeStatus(String id, TaskStatus to, int version) {
        TaskRow task = access.task(id);
        return views.task(work.changeStatus(task.id(), to, version));
    }

    /** Gives a task to a person of its queue (null: back to the queue). */
    public TaskView assign(String id, String user, int version) {
        TaskRow task = access.task(id);
        return views.task(work.assign(task.id(), user, version));
    }

    /** Appends to a task's activity log; the task is decided again (its prompt follows the attempts). */
    public TaskView logActivity(String id, ActivityRequest entry) {
        TaskRow task = access.task(id);
        return views.task(log.append(task.id(), entry).task());
    }

    /** Whether the caller's roles read clinical notes (the text of activity log entries). */
    public boolean readsNotes() {
        return views.categories().contains(PatientDataCategory.CLINICAL);
    }
}
