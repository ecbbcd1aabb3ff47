/**
 * Intake of referrals and discharges: idempotent by source system and source id (a resend answers the first answer,
 * a different body under the same id is refused), held with a front-desk task while the rules find fields missing
 * (never holding clinical tasks whose clock runs from the discharge), released when completed, and built into a care
 * plan from the plan template's decisions. The demo profile's invented patients arrive here too.
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
