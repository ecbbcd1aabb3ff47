/**
 * Intake of referrals and discharges: idempotent by source system and source id (a resend answers the first answer,
 * a different body under the same id is refused), held with a front-desk task while the rules find fields missing
 * (never holding clinical tasks whose clock runs from the discharge), released when completed, and built into a care
 * plan from the plan template's decisions. The demo profile's invented patients arrive here too.
 *
 * <p>How an intake is decided and written ({@code IntakeService}): under a transaction-scoped lock on its source
 * event, a replay is answered from the stored first answer before anything is evaluated. A new event is decided
 * first: each task the template creates is evaluated once, as the task it will be ({@code PlanBuilder.evaluate},
 * through {@code careplan.TaskDecider}, the tracker's one way to the decision module), and the intake's own task
 * once at the INTAKE stage; what the intake lacks is read from those answers (patient and plan fields only). Then
 * the {@code intake} row is inserted once, with its final status, plan id and first answer, and the plan's tasks
 * (or the task that holds the intake) are stored from those same decisions, which are recorded with them. The
 * template answers of a held referral are not stored (no task exists yet); its holding task's decision is, and its
 * plan's tasks are decided again when its fields are completed, which also updates the row (a later event).
 *
 * <p>Its API is {@code IntakeReceiver} (JSON and FHIR intake), {@code IntakeDesk}, {@code IntakeView},
 * {@code IntakeRequest} and its events, and it implements the care plan's {@code HeldIntakes}. The senders allowed to
 * send are configuration. The view {@code intake_facts} (each intake's id and kept facts) is what it shares with the
 * care plan, whose escalation candidates read a held intake's facts in the same statement as its task.
 *
 * <p>Owns tables: intake, intake_facts
 * <p>Shares views: intake_facts
 */
package app.baton.intake;
