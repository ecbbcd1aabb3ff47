/**
 * Baton as a CDS Hooks 2.0 service: discovery, the {@code patient-view} and {@code encounter-discharge} hooks and the
 * feedback of EHRs on the cards. Every card is made from a decision of the active rule set through the decision
 * module (a task's, {@code TaskDecisions}, or a plan template's answer, {@code PlanDecisions}), recorded (asked by
 * {@code CDS_HOOKS}) with its version and rows, and each card is kept with that decision and the table row that produced it so that the EHR's feedback counts against that row (per-row acceptance
 * figures for clinical leads, API and console page).
 *
 * <p>Who may call is the security module's business: only an allow-listed EHR's signed JWT reaches these paths.
 * The hooks read the open tasks of the patient in view through the care plan's {@code TaskQueries}, read-only.
 * Resources arrive as FHIR R4 JSON and are read with Jackson: this module needs no
 * FHIR library.
 *
 * <p>Missing prefetch is read only from a FHIR server on the calling EHR's list ({@code baton.cds-hooks.ehrs[].fhir-servers}),
 * never from any address a call names.
 *
 * <p>Its API is the past-tense events {@link app.baton.cdshooks.HookCalled} and
 * {@link app.baton.cdshooks.CardFeedbackReceived} (ids, codes and counts), published in the transaction of each call,
 * for the audit trail, and one query, {@link app.baton.cdshooks.RowFigures#byRow(int)}: per table row of a version, the
 * cards shown, accepted and overridden and the override reasons (the console's pages and the impact analysis read it;
 * no other module reads this module's tables).
 *
 * <p>Owns tables: cds_card, cds_feedback
 */
package app.baton.cdshooks;
