package app.baton.fhir;

import app.baton.engine.model.Priority;
import app.baton.engine.model.TaskStatus;
import org.hl7.fhir.r4.model.Task;

import java.util.Map;

/**
 * Baton's FHIR vocabulary: the canonical URLs of its code systems and its one extension, and the mapping tables between
 * Baton's codes and R4's (docs/fhir.md prints them; a test checks the document against these tables).
 */
final class BatonFhir {

    static final String BASE = "https://baton.app/fhir";
    /** The extension that names what decided a task: rule set version, the rule and its table row (docs/fhir/). */
    static final String DECISION_SOURCE = BASE + "/StructureDefinition/decision-source";
    static final String TASK_STATUS = BASE + "/CodeSystem/task-status";
    static final String TASK_TYPE = BASE + "/CodeSystem/task-type";
    static final String PROGRAM = app.baton.engine.model.DischargeEncounter.PROGRAM_SYSTEM;
    /** The receiving specialty of a referral (ServiceRequest.performerType), codes as the JSON intake's receivingSpecialty. */
    static final String SPECIALTY = BASE + "/CodeSystem/specialty";
    static final String QUEUE = BASE + "/CodeSystem/queue";
    static final String ROLE = BASE + "/CodeSystem/role";
    static final String INPUT_TYPE = BASE + "/CodeSystem/task-input-type";
    static final String NEXT_ACTION = BASE + "/CodeSystem/next-best-action";
    static final String USER = BASE + "/sid/user";
    /** The identifier system of an intake's source id: this prefix and the source system's code (EHR-ADT). */
    static final String SOURCE_SYSTEM = BASE + "/sid/source-system/";

    /** Baton's status to Task.status; businessStatus always carries Baton's own code. */
    static final Map<TaskStatus, Task.TaskStatus> STATUS = Map.of(
            TaskStatus.NEW, Task.TaskStatus.REQUESTED,
            TaskStatus.READY, Task.TaskStatus.READY,
            TaskStatus.IN_PROGRESS, Task.TaskStatus.INPROGRESS,
            TaskStatus.WAITING_ON_PATIENT, Task.TaskStatus.ONHOLD,
            TaskStatus.WAITING_ON_EXTERNAL, Task.TaskStatus.ONHOLD,
            TaskStatus.BLOCKED_MISSING_INFO, Task.TaskStatus.ONHOLD,
            TaskStatus.DONE, Task.TaskStatus.COMPLETED,
            TaskStatus.CANCELLED, Task.TaskStatus.CANCELLED);

    /**
     * Task.status to Baton's status for a Task that comes in without Baton's businessStatus; on-hold reads as waiting on
     * someone outside. Codes not here (draft, received, accepted, rejected, failed, entered-in-error) have no Baton status.
     */
    static final Map<Task.TaskStatus, TaskStatus> STATUS_IN = Map.of(
            Task.TaskStatus.REQUESTED, TaskStatus.NEW,
            Task.TaskStatus.READY, TaskStatus.READY,
            Task.TaskStatus.INPROGRESS, TaskStatus.IN_PROGRESS,
            Task.TaskStatus.ONHOLD, TaskStatus.WAITING_ON_EXTERNAL,
            Task.TaskStatus.COMPLETED, TaskStatus.DONE,
            Task.TaskStatus.CANCELLED, TaskStatus.CANCELLED);

    static final Map<Priority, Task.TaskPriority> PRIORITY = Map.of(
            Priority.ROUTINE, Task.TaskPriority.ROUTINE,
            Priority.URGENT, Task.TaskPriority.URGENT,
            Priority.EXPEDITED, Task.TaskPriority.ASAP);

    /** Task.priority in; stat (the one R4 code above asap) is decided as EXPEDITED. */
    static final Map<Task.TaskPriority, Priority> PRIORITY_IN = Map.of(
            Task.TaskPriority.ROUTINE, Priority.ROUTINE,
            Task.TaskPriority.URGENT, Priority.URGENT,
            Task.TaskPriority.ASAP, Priority.EXPEDITED,
            Task.TaskPriority.STAT, Priority.EXPEDITED);

    private BatonFhir() {
    }
}
