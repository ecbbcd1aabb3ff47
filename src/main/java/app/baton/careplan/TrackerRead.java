package app.baton.careplan;

/**
 * Patient data of the tracker was read (a plan, a task, an intake) or a read was refused because
 * the patient is not the caller's ({@code denied}); the caller was told "not found".
 *
 * @param objectType {@code care_plan}, {@code task} or {@code intake}
 */
public record TrackerRead(String objectType, String objectId, String patientId, boolean denied) {
}
