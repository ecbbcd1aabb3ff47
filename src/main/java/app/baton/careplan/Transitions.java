package app.baton.careplan;

import app.baton.engine.model.TaskStatus;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static app.baton.engine.model.TaskStatus.BLOCKED_MISSING_INFO;
import static app.baton.engine.model.TaskStatus.CANCELLED;
import static app.baton.engine.model.TaskStatus.DONE;
import static app.baton.engine.model.TaskStatus.IN_PROGRESS;
import static app.baton.engine.model.TaskStatus.NEW;
import static app.baton.engine.model.TaskStatus.READY;
import static app.baton.engine.model.TaskStatus.WAITING_ON_EXTERNAL;
import static app.baton.engine.model.TaskStatus.WAITING_ON_PATIENT;

/**
 * Which status may follow which (docs/tracker.md draws it). NEW means "waiting for its
 * prerequisite": it becomes READY by itself when the prerequisite is done or cancelled, and until
 * then can only be cancelled. DONE and CANCELLED are final.
 */
public final class Transitions {

    private static final Map<TaskStatus, Set<TaskStatus>> NEXT = new EnumMap<>(TaskStatus.class);

    static {
        Set<TaskStatus> working = EnumSet.of(READY, IN_PROGRESS, WAITING_ON_PATIENT, WAITING_ON_EXTERNAL, BLOCKED_MISSING_INFO,
                DONE, CANCELLED);
        NEXT.put(NEW, EnumSet.of(READY, IN_PROGRESS, BLOCKED_MISSING_INFO, CANCELLED));
        NEXT.put(READY, without(working, READY));
        NEXT.put(IN_PROGRESS, without(working, IN_PROGRESS));
        NEXT.put(WAITING_ON_PATIENT, without(working, WAITING_ON_PATIENT));
        NEXT.put(WAITING_ON_EXTERNAL, without(working, WAITING_ON_EXTERNAL));
        NEXT.put(BLOCKED_MISSING_INFO, EnumSet.of(READY, IN_PROGRESS, CANCELLED));
        NEXT.put(DONE, EnumSet.noneOf(TaskStatus.class));
        NEXT.put(CANCELLED, EnumSet.noneOf(TaskStatus.class));
    }

    private Transitions() {
    }

    /** The statuses a task may move to; while its prerequisite is open, only CANCELLED. */
    public static Set<TaskStatus> allowed(TaskStatus from, boolean prerequisiteOpen) {
        if (prerequisiteOpen && from.isOpen()) {
            return EnumSet.of(CANCELLED);
        }
        return NEXT.get(from).isEmpty() ? Set.of() : EnumSet.copyOf(NEXT.get(from));
    }

    private static Set<TaskStatus> without(Set<TaskStatus> all, TaskStatus one) {
        EnumSet<TaskStatus> copy = EnumSet.copyOf(all);
        copy.remove(one);
        return copy;
    }
}
